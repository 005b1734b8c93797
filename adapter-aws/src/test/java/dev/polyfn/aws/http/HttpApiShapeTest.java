package dev.polyfn.aws.http;

import static dev.polyfn.aws.TestRuntimes.fixture;
import static dev.polyfn.aws.TestRuntimes.run;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.polyfn.core.model.Headers;
import dev.polyfn.core.model.PortableHttpResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class HttpApiShapeTest {

	private final HttpApiShape shape = HttpApiShape.httpApi();

	@Test
	void cookies_array_becomes_the_request_cookies() {
		var request = shape.toRequest(fixture("aws/apigw-http-v2/java-libs-apigw_http_event.json"));
		assertThat(request.cookies()).containsExactly("cookie1", "cookie2");
	}

	@Test
	void comma_joined_header_stays_one_value() {
		var request = shape.toRequest(fixture("aws/apigw-http-v2/java-libs-apigw_http_event.json"));
		assertThat(request.headers().all("Header2")).containsExactly("value1,value2");
	}

	@Test
	void raw_query_string_keeps_repeated_parameters() {
		var request = shape.toRequest(fixture("aws/apigw-http-v2/java-libs-apigw_http_event.json"));
		assertThat(request.query().get("parameter1")).containsExactly("value1", "value2");
	}

	@Test
	void function_error_is_a_500_json_body_without_stack_trace() {
		JsonNode response = run(shape, "failing", fixture("aws/apigw-http-v2/go-apigw-v2-request-no-authorizer.json"));
		assertThat(response.get("statusCode").asInt() + " " + response.get("body").asString()).isEqualTo(
				"500 {\"error\":\"function_error\",\"message\":\"Function 'failing' failed with IllegalStateException\"}");
	}

	@Test
	void configured_function_answers_even_when_the_path_names_another() {
		ObjectNode event = (ObjectNode) fixture("aws/apigw-http-v2/go-apigw-v2-request-no-authorizer.json");
		event.put("rawPath", "/failing");
		JsonNode response = run(shape, "describeRequest", event);
		assertThat(response.get("statusCode").asInt()).isEqualTo(200);
	}

	@Test
	void set_cookie_goes_to_cookies_and_repeated_headers_are_comma_joined() {
		Headers headers = new Headers().add("Set-Cookie", "a=1").add("Set-Cookie", "b=2").add("Vary", "Accept")
				.add("Vary", "Origin");
		JsonNode response = shape.toResponse(new PortableHttpResponse(200, headers, new byte[0]), null);
		assertThat(response.get("cookies").toString() + " " + response.get("headers").toString())
				.isEqualTo("[\"a=1\",\"b=2\"] {\"Vary\":\"Accept,Origin\"}");
	}
}
