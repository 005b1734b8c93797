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

	private static JsonNode params(String fixture) throws IOException {
		try (InputStream in = WebActionRequestTest.class.getResourceAsStream("/openwhisk/run/" + fixture)) {
			return JsonEvents.parse(in.readAllBytes()).get("value");
		}
	}
}
