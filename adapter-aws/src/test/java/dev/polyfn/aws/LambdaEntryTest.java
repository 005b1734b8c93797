package dev.polyfn.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.amazonaws.services.lambda.runtime.Context;

import dev.polyfn.aws.testapp.AwsTestApplication;
import dev.polyfn.core.boot.PolyfnRuntime;
import dev.polyfn.core.events.JsonEvents;
import dev.polyfn.core.testing.Fixtures;

/** The entry classes as Lambda uses them: constructed once per container, then called per invocation. */
class LambdaEntryTest {

	private static final String DEFINITION = "spring.cloud.function.definition";

	@BeforeEach
	void useTheTestApplication() {
		System.setProperty("polyfn.main-class", AwsTestApplication.class.getName());
	}

	@AfterEach
	void forgetTheSharedRuntime() {
		PolyfnRuntime.closeShared();
		System.clearProperty("polyfn.main-class");
		System.clearProperty(DEFINITION);
	}

	@Test
	void unknown_function_fails_the_init_naming_the_setting() {
		System.setProperty(DEFINITION, "noSuchFunction");
		assertThatThrownBy(SqsHandler::new).rootCause()
				.hasMessageStartingWith("spring.cloud.function.definition='noSuchFunction' names no function");
	}

	@Test
	void event_handler_without_a_chosen_function_fails_the_init() {
		assertThatThrownBy(SqsHandler::new).hasMessageContaining("set spring.cloud.function.definition");
	}

	@Test
	void lambda_request_id_and_function_name_reach_the_function_and_the_logs() throws Exception {
		System.setProperty(DEFINITION, "invocationContext");
		Context lambda = mock(Context.class);
		when(lambda.getAwsRequestId()).thenReturn("lambda-request-1");
		when(lambda.getFunctionName()).thenReturn("my-function");
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		new ApiGatewayHttpHandler().handleRequest(
				new ByteArrayInputStream(Fixtures.bytes("aws/apigw-http-v2/java-libs-apigw_http_event.json")), out, lambda);
		assertThat(JsonEvents.parse(out.toByteArray()).get("body").asString()).isEqualTo(
				"{\"requestId\":\"lambda-request-1\",\"functionName\":\"my-function\",\"hasLambdaContext\":true,"
						+ "\"mdcAwsRequestId\":\"lambda-request-1\",\"mdcRequestId\":\"lambda-request-1\"}");
	}
}
