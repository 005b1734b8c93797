package dev.polyfn.local.openwhisk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.polyfn.local.MiniJson;

class WebActionArgumentsTest {

	@Test
	void a_json_request_becomes_the_controllers_raw_web_action_arguments_with_the_body_in_base64() {
		String run = WebActionArguments.of("POST", Map.of("X-Trace", List.of("a", "b")), "application/json", "/square", "",
				"{\"numbers\":[2]}".getBytes(StandardCharsets.UTF_8), "/guest/shop/square");

		Map<?, ?> value = (Map<?, ?>) ((Map<?, ?>) MiniJson.parse(run)).get("value");
		assertThat(value.get("__ow_method")).isEqualTo("post");
		assertThat(value.get("__ow_path")).isEqualTo("/square");
		Map<?, ?> headers = (Map<?, ?>) value.get("__ow_headers");
		assertThat(headers.get("x-trace")).isEqualTo("b");
		assertThat(headers.get("content-type")).isEqualTo("application/json");
		assertThat(value.get("__ow_body")).isEqualTo("eyJudW1iZXJzIjpbMl19");
		assertThat(((Map<?, ?>) MiniJson.parse(run)).get("namespace")).isEqualTo("guest");
	}

	@Test
	void a_text_body_stays_text_and_the_controller_reads_the_result_back_as_http() {
		String run = WebActionArguments.of("POST", Map.of(), "text/plain", "/shout", "a=1", "hi".getBytes(StandardCharsets.UTF_8),
				"/guest/shop/shout");
		ControllerResponse answer = ControllerResponse.of("{\"statusCode\":201,\"headers\":{\"Content-Type\":\"text/plain\"},\"body\":\"HI!\"}");

		assertThat(((Map<?, ?>) ((Map<?, ?>) MiniJson.parse(run)).get("value")).get("__ow_body")).isEqualTo("hi");
		assertThat(answer.status()).isEqualTo(201);
		assertThat(new String(answer.body(), StandardCharsets.UTF_8)).isEqualTo("HI!");
		assertThat(answer.contentType()).isEqualTo("text/plain");
	}
}
