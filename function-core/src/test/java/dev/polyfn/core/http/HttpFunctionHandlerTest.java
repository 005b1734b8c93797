package dev.polyfn.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.polyfn.core.CoreTestApplication;
import dev.polyfn.core.boot.PolyfnRuntime;
import dev.polyfn.core.invoke.InvocationContext;
import dev.polyfn.core.model.PortableHttpRequest;
import dev.polyfn.core.model.PortableHttpResponse;

class HttpFunctionHandlerTest {

	private static PolyfnRuntime runtime;

	private final InvocationContext context = InvocationContext.of("test", "req-7", null);

	@BeforeAll
	static void start() {
		runtime = PolyfnRuntime.start(CoreTestApplication.class, "test", Map.of("polyfn.max-body-size", "1KB"));
	}

	@AfterAll
	static void stop() {
		runtime.close();
	}

	private static PortableHttpRequest.Builder post(String path, String body) {
		return PortableHttpRequest.builder().method("POST").path(path).header("Content-Type", "text/plain").body(body);
	}

	@Test
	void strict_routing_runs_the_function_named_by_the_path() {
		PortableHttpResponse response = runtime.http().handleStrict(post("/reverse", "abc").build(), context);
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.bodyAsString()).isEqualTo("cba");
	}

	@Test
	void strict_routing_answers_404_for_a_path_that_names_no_function() {
		PortableHttpResponse response = runtime.http().handleStrict(post("/stage/reverse", "abc").build(), context);
		assertThat(response.status()).isEqualTo(404);
		assertThat(response.contentType()).isEqualTo("application/json");
	}

	@Test
	void lenient_routing_uses_the_last_path_segment_behind_a_stage_prefix() {
		PortableHttpResponse response = runtime.http().handle(post("/prod/uppercase", "abc").build(), context);
		assertThat(response.bodyAsString()).isEqualTo("ABC");
	}

	@Test
	void encoded_composition_in_the_path() {
		PortableHttpResponse response = runtime.http().handleStrict(post("/uppercase%7Creverse", "abc").build(), context);
		assertThat(response.bodyAsString()).isEqualTo("CBA");
	}

	@Test
	void body_over_the_limit_is_413() {
		PortableHttpResponse response = runtime.http().handleStrict(post("/reverse", "x".repeat(2048)).build(), context);
		assertThat(response.status()).isEqualTo(413);
		assertThat(response.bodyAsString()).contains("payload_too_large");
	}

	@Test
	void query_and_multi_value_headers_reach_a_message_function() {
		PortableHttpRequest request = post("/inspect", "b").rawQuery("a=1&a=2&b=x%20y").header("X-Multi", "one")
				.header("X-Multi", "two").build();
		PortableHttpResponse response = runtime.http().handleStrict(request, context);
		assertThat(response.status()).isEqualTo(201);
		assertThat(response.headers().first("X-Inspected")).isEqualTo("yes");
		assertThat(response.bodyAsString()).contains("a=[1, 2]").contains("b=[x y]").contains("\"method\":\"POST\"");
	}

	@Test
	void request_headers_are_not_echoed_as_response_headers() {
		PortableHttpRequest request = post("/inspect", "b").header("Authorization", "Bearer secret").build();
		PortableHttpResponse response = runtime.http().handleStrict(request, context);
		assertThat(response.headers().contains("Authorization")).isFalse();
		assertThat(response.headers().names()).noneMatch(n -> n.startsWith("polyfn-"));
	}

	@Test
	void binary_mode_cloud_event_in_and_out() {
		PortableHttpRequest request = post("/uppercase", "hi").header("ce-specversion", "1.0").header("ce-id", "42")
				.header("ce-source", "/test").header("ce-type", "com.example.greeting").build();
		PortableHttpResponse response = runtime.http().handleStrict(request, context);
		assertThat(response.bodyAsString()).isEqualTo("HI");
		assertThat(response.headers().first("ce-type")).isEqualTo("com.example.greeting.result");
		assertThat(response.headers().first("ce-specversion")).isEqualTo("1.0");
	}

	@Test
	void structured_mode_cloud_event_hands_the_data_to_the_function() {
		PortableHttpRequest request = PortableHttpRequest.builder().method("POST").path("/sum")
				.header("Content-Type", "application/cloudevents+json")
				.body("{\"specversion\":\"1.0\",\"id\":\"1\",\"source\":\"/s\",\"type\":\"t\","
						+ "\"datacontenttype\":\"application/json\",\"data\":{\"numbers\":[4,5]}}")
				.build();
		// structured in, structured reply out: the function's result is the reply event's data
		assertThat(runtime.http().handleStrict(request, context).bodyAsString()).contains("\"data\":{\"total\":9}");
	}

	@Test
	void structured_cloud_event_without_id_is_400() {
		PortableHttpRequest request = PortableHttpRequest.builder().method("POST").path("/sum")
				.header("Content-Type", "application/cloudevents+json")
				.body("{\"specversion\":\"1.0\",\"source\":\"/s\",\"type\":\"t\"}").build();
		assertThat(runtime.http().handleStrict(request, context).status()).isEqualTo(400);
	}
}
