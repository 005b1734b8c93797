package dev.polyfn.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.polyfn.core.CoreTestApplication;
import dev.polyfn.core.boot.PolyfnRuntime;
import dev.polyfn.core.invoke.InvocationContext;
import dev.polyfn.core.model.PortableHttpRequest;
import dev.polyfn.core.model.PortableHttpResponse;

class MethodRuleTest {

	private static PolyfnRuntime runtime;

	private final InvocationContext context = InvocationContext.of("test", "req-1", null);

	@BeforeAll
	static void start() {
		runtime = PolyfnRuntime.start(CoreTestApplication.class, "test", Map.of());
	}

	@AfterAll
	static void stop() {
		runtime.close();
	}

	private PortableHttpResponse call(String method, String path, String body) {
		return runtime.http().handleStrict(PortableHttpRequest.builder().method(method).path(path)
				.header("Content-Type", "text/plain").body(body).build(), context);
	}

	@ParameterizedTest
	@ValueSource(strings = { "GET", "HEAD", "PUT", "DELETE", "PATCH", "TRACE", "FOO" })
	void a_consumer_runs_only_for_post(String method) {
		CoreTestApplication.CONSUMED.clear();

		PortableHttpResponse response = call(method, "/remember", "line");

		assertThat(response.status()).isEqualTo(405);
		assertThat(response.headers().first("Allow")).isEqualTo("POST, OPTIONS");
		assertThat(response.bodyAsString()).contains("\"error\":\"method_not_allowed\"");
		assertThat(CoreTestApplication.CONSUMED).isEmpty();
	}

	@Test
	void options_answers_204_with_allow_and_runs_nothing() {
		CoreTestApplication.CONSUMED.clear();

		PortableHttpResponse response = call("OPTIONS", "/remember", "line");

		assertThat(response.status()).isEqualTo(204);
		assertThat(response.headers().first("Allow")).isEqualTo("POST, OPTIONS");
		assertThat(response.headers().contains("Access-Control-Allow-Origin")).isFalse();
		assertThat(CoreTestApplication.CONSUMED).isEmpty();
	}

	@Test
	void post_still_runs_a_consumer() {
		CoreTestApplication.CONSUMED.clear();

		assertThat(call("POST", "/remember", "line").status()).isEqualTo(202);
		assertThat(CoreTestApplication.CONSUMED).containsExactly("line");
	}

	@Test
	void a_supplier_runs_for_get_and_post_but_not_head() {
		assertThat(call("GET", "/greeting", "").bodyAsString()).isEqualTo("hi");
		assertThat(call("POST", "/greeting", "").bodyAsString()).isEqualTo("hi");
		PortableHttpResponse head = call("HEAD", "/greeting", "");
		assertThat(head.status()).isEqualTo(405);
		assertThat(head.headers().first("Allow")).isEqualTo("GET, POST, OPTIONS");
	}

	@Test
	void a_get_without_a_body_still_runs_a_function_as_before() {
		assertThat(call("GET", "/reverse", "").status()).isEqualTo(200);
	}

	@Test
	void an_unknown_function_is_404_whatever_the_method() {
		assertThat(call("DELETE", "/nope", "").status()).isEqualTo(404);
	}

	@Test
	void cors_preflight_from_a_configured_origin_gets_the_cors_headers() {
		CorsPolicy cors = new CorsPolicy(java.util.List.of("https://app.example"), "Content-Type", "600");
		HttpFunctionHandler handler = new HttpFunctionHandler(runtime.invoker(), 1024, cors);
		PortableHttpRequest preflight = PortableHttpRequest.builder().method("OPTIONS").path("/reverse")
				.header("Origin", "https://app.example").header("Access-Control-Request-Method", "POST").build();

		PortableHttpResponse response = handler.handleStrict(preflight, context);

		assertThat(response.status()).isEqualTo(204);
		assertThat(response.headers().first("Access-Control-Allow-Origin")).isEqualTo("https://app.example");
		assertThat(response.headers().first("Access-Control-Allow-Methods")).isEqualTo("POST, OPTIONS");
		assertThat(response.headers().first("Access-Control-Max-Age")).isEqualTo("600");
	}

	@Test
	void cors_ignores_an_origin_that_is_not_configured() {
		CorsPolicy cors = new CorsPolicy(java.util.List.of("https://app.example"), "Content-Type", "600");
		HttpFunctionHandler handler = new HttpFunctionHandler(runtime.invoker(), 1024, cors);
		PortableHttpRequest post = PortableHttpRequest.builder().method("POST").path("/reverse")
				.header("Origin", "https://evil.example").body("abc").build();

		PortableHttpResponse response = handler.handleStrict(post, context);

		assertThat(response.bodyAsString()).isEqualTo("cba");
		assertThat(response.headers().contains("Access-Control-Allow-Origin")).isFalse();
	}
}
