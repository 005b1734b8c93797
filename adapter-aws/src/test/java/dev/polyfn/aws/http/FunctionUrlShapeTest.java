package dev.polyfn.aws.http;

import static dev.polyfn.aws.TestRuntimes.fixture;
import static dev.polyfn.aws.TestRuntimes.run;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class FunctionUrlShapeTest {

	private final HttpApiShape shape = HttpApiShape.functionUrl();

	@Test
	void base64_body_is_decoded() {
		var request = shape.toRequest(fixture("aws/function-url/go-function-url-domain-only-request-with-base64-encoded-body.json"));
		assertThat(request.bodyAsString()).isEqualTo("<idk/>");
	}

	@Test
	void binary_body_round_trips_base64_encoded() {
		JsonNode response = run(shape, "echo",
				fixture("aws/function-url/go-function-url-domain-only-request-with-base64-encoded-body.json"));
		assertThat(response.get("isBase64Encoded").asBoolean() + " " + response.get("body").asString())
				.isEqualTo("true PGlkay8+");
	}

	@Test
	void invalid_base64_body_is_a_400_response() {
		ObjectNode event = (ObjectNode) fixture("aws/function-url/go-function-url-domain-only-request-with-base64-encoded-body.json");
		event.put("body", "not base64 at all!");
		JsonNode response = run(shape, "echo", event);
		assertThat(response.get("statusCode").asInt()).isEqualTo(400);
	}

	@Test
	void cookies_and_text_body_reach_the_function() {
		JsonNode response = run(shape, "describeRequest",
				fixture("aws/function-url/go-function-url-request-with-headers-and-cookies-and-text-body.json"));
		assertThat(response.get("body").asString()).contains("\"cookies\":[\"foo=bar\",\"hello=hello\"]",
				"\"body\":\"{\\\"hello\\\": \\\"world\\\"}\"");
	}
}
