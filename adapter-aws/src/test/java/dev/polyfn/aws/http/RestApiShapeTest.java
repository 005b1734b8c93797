package dev.polyfn.aws.http;

import static dev.polyfn.aws.TestRuntimes.fixture;
import static dev.polyfn.aws.TestRuntimes.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class RestApiShapeTest {

	private final RestApiShape shape = new RestApiShape();

	@Test
	void multi_value_headers_win_where_they_disagree_with_headers() {
		var request = shape.toRequest(fixture("aws/apigw-rest-v1/java-libs-apigw_rest_event.json"));
		assertThat(request.headers().all("Header2")).containsExactly("value1", "value2");
	}

	@Test
	void multi_value_query_parameters_keep_every_value() {
		var request = shape.toRequest(fixture("aws/apigw-rest-v1/java-libs-apigw_rest_event.json"));
		assertThat(request.query().get("parameter2")).containsExactly("value1", "value2");
	}

	@Test
	void method_path_and_text_body_reach_the_function() {
		JsonNode response = run(shape, "describeRequest", fixture("aws/apigw-rest-v1/go-apigw-request.json"));
		assertThat(response.get("body").asString()).contains("\"method\":\"POST\"", "\"path\":\"/hello/world\"",
				"\\\"a\\\": 1");
	}

	@Test
	void response_headers_come_back_as_multi_value_headers_without_pipeline_headers() {
		JsonNode response = run(shape, "echo", fixture("aws/apigw-rest-v1/go-apigw-request.json"));
		assertThat(response.get("multiValueHeaders").propertyNames())
				.containsExactlyInAnyOrder("X-Echo", "Content-Type");
	}

	@Test
	void malformed_json_body_is_a_400_response() {
		ObjectNode event = (ObjectNode) fixture("aws/apigw-rest-v1/go-apigw-request.json");
		event.put("body", "{\"a\": ");
		JsonNode response = run(shape, "jsonEcho", event);
		assertThat(List.of(response.get("statusCode").asInt(), response.get("body").asString().contains("invalid_input")))
				.containsExactly(400, true);
	}
}
