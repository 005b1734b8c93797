package dev.polyfn.openwhisk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;

import org.junit.jupiter.api.Test;

import dev.polyfn.core.events.JsonEvents;
import dev.polyfn.core.invoke.FunctionFailure;
import dev.polyfn.core.model.PortableHttpRequest;
import tools.jackson.databind.JsonNode;

/** The parameters of the /run fixtures, read as the portable request; the limits that hold before any function runs. */
class WebActionRequestTest {

	@Test
	void a_raw_action_s_fields_become_method_path_query_headers_and_decoded_body() throws IOException {
		PortableHttpRequest request = WebActionRequest.from(params("web-raw-reverse-binary.json"), 1024);

		assertThat(request.method()).isEqualTo("POST");
		assertThat(request.path()).isEqualTo("/reverse");
		assertThat(request.rawQuery()).isEmpty();
		assertThat(request.contentType()).isEqualTo("application/octet-stream");
		assertThat(request.bodyAsString()).isEqualTo("polyfn");
		assertThat(request.base64Encoded()).isTrue();
	}

	@Test
	void a_body_over_the_limit_is_a_413_before_it_is_decoded() throws IOException {
		assertThatThrownBy(() -> WebActionRequest.from(params("web-raw-thumbnail-png.json"), 1024))
				.isInstanceOfSatisfying(FunctionFailure.class, failure -> assertThat(failure.error().status()).isEqualTo(413));
	}

	@Test
	void a_plain_activation_is_not_a_web_action() throws IOException {
		assertThat(WebActionRequest.isWebAction(params("plain-square.json"))).isFalse();
		assertThat(WebActionRequest.isWebAction(params("web-raw-audit.json"))).isTrue();
	}

	@Test
	void a_non_raw_action_s_json_array_body_arrives_parsed_under_ow_body_and_is_the_request_body() {
		// WebActions.scala toActionArgument: a JSON body that is no object is nested, as a JSON value, under __ow_body
		JsonNode params = JsonEvents.parse(("{\"__ow_method\":\"post\",\"__ow_headers\":{\"content-type\":"
				+ "\"application/json\"},\"__ow_path\":\"\",\"__ow_body\":[1,2,3],\"SPRING_CLOUD_FUNCTION_DEFINITION\":"
				+ "\"sum\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8));

		PortableHttpRequest request = WebActionRequest.from(params, 1024);

		assertThat(request.bodyAsString()).isEqualTo("[1,2,3]");
		assertThat(request.contentType()).isEqualTo("application/json");
	}

	@Test
	void a_plain_action_s_input_leaves_out_the_platform_fields_and_the_definition_parameter() throws IOException {
		assertThat(PlainAction.withoutPlatformFields(params("plain-square.json")).toString())
				.isEqualTo("{\"numbers\":[2,3,4]}");
	}

	private static JsonNode params(String fixture) throws IOException {
		try (InputStream in = WebActionRequestTest.class.getResourceAsStream("/openwhisk/run/" + fixture)) {
			return JsonEvents.parse(in.readAllBytes()).get("value");
		}
	}
}
