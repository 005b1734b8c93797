package dev.polyfn.aws.http;

import static dev.polyfn.aws.TestRuntimes.fixture;
import static dev.polyfn.aws.TestRuntimes.run;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

class AlbShapeTest {

	private final AlbShape shape = new AlbShape();

	@Test
	void single_value_request_gets_a_single_value_response() {
		JsonNode response = run(shape, "echo", fixture("aws/alb/java-libs-elb_event.json"));
		assertThat(response.propertyNames()).containsExactly("statusCode", "statusDescription", "headers", "body",
				"isBase64Encoded");
	}

	@Test
	void multi_value_request_gets_a_multi_value_response() {
		JsonNode response = run(shape, "echo", fixture("aws/alb/go-alb-lambda-target-request-multivalue-headers.json"));
		assertThat(response.propertyNames()).containsExactly("statusCode", "statusDescription", "multiValueHeaders",
				"body", "isBase64Encoded");
	}

	@Test
	void a_get_with_a_body_runs_no_function() {
		JsonNode response = run(shape, "echo", fixture("aws/alb/java-libs-elb_event.json"));
		assertThat(response.get("statusDescription").asString()).isEqualTo("405 Method Not Allowed");
	}

	@Test
	void multi_value_query_parameters_reach_the_function() {
		var request = shape.toRequest(fixture("aws/alb/go-alb-lambda-target-request-multivalue-headers.json"));
		assertThat(request.query().get("key")).containsExactly("hello");
	}

	@Test
	void status_description_names_the_status() {
		// The fixture is a GET with a body, which runs no function (the method rule); as a POST it runs echo.
		tools.jackson.databind.node.ObjectNode event = (tools.jackson.databind.node.ObjectNode) fixture("aws/alb/java-libs-elb_event.json");
		event.put("httpMethod", "POST");
		JsonNode response = run(shape, "echo", event);
		assertThat(response.get("statusDescription").asString()).isEqualTo("200 OK");
	}
}
