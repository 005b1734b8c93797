package dev.polyfn.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import dev.polyfn.core.CoreTestApplication;

class PolyfnHttpServerTest {

	private static ConfigurableApplicationContext app;
	private static String base;
	private static final HttpClient client = HttpClient.newHttpClient();

	@BeforeAll
	static void start() {
		app = new SpringApplication(CoreTestApplication.class).run("--server.port=0", "--polyfn.http.address=127.0.0.1",
				"--polyfn.max-body-size=64KB", "--polyfn.http.functions-listing=true");
		base = "http://127.0.0.1:" + app.getBean(PolyfnHttpServer.class).port();
	}

	@AfterAll
	static void stop() {
		app.close();
	}

	private static HttpResponse<String> post(String path, String body, String contentType) throws Exception {
		return client.send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", contentType)
				.POST(BodyPublishers.ofString(body)).build(), BodyHandlers.ofString());
	}

	@Test
	void serves_a_function_over_real_http() throws Exception {
		HttpResponse<String> response = post("/reverse", "hello", "text/plain");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("olleh");
	}

	@Test
	void composition_with_a_comma_in_the_path() throws Exception {
		assertThat(post("/uppercase,reverse", "hello", "text/plain").body()).isEqualTo("OLLEH");
	}

	@Test
	void supplier_over_get() throws Exception {
		HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(base + "/greeting")).GET().build(),
				BodyHandlers.ofString());
		assertThat(response.body()).isEqualTo("hi");
	}

	@Test
	void health_and_function_listing() throws Exception {
		HttpResponse<String> health = client.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health")).build(),
				BodyHandlers.ofString());
		assertThat(health.body()).isEqualTo("{\"status\":\"UP\"}");
		HttpResponse<String> listing = client.send(
				HttpRequest.newBuilder(URI.create(base + "/actuator/functions")).build(), BodyHandlers.ofString());
		assertThat(listing.body()).contains("\"name\":\"reverse\"").contains("\"inputType\":\"String\"");
	}

	@Test
	void declared_body_over_the_limit_is_413_without_reading_it() throws Exception {
		HttpResponse<String> response = post("/reverse", "x".repeat(200_000), "text/plain");
		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(response.body()).contains("payload_too_large");
	}

	@Test
	void unknown_function_is_404_json() throws Exception {
		HttpResponse<String> response = post("/nope", "x", "text/plain");
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
	}

	@Test
	void function_failure_is_500_json_without_stack_trace() throws Exception {
		HttpResponse<String> response = post("/explode", "x", "text/plain");
		assertThat(response.statusCode()).isEqualTo(500);
		assertThat(response.body()).startsWith("{\"error\":\"function_error\"").doesNotContain("at dev.polyfn");
	}

	@Test
	void fifty_concurrent_requests_all_answer_correctly() {
		List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			calls.add(client.sendAsync(HttpRequest.newBuilder(URI.create(base + "/reverse"))
					.POST(BodyPublishers.ofString("n" + i)).build(), BodyHandlers.ofString()));
		}
		for (int i = 0; i < 50; i++) {
			assertThat(calls.get(i).join().body()).isEqualTo(new StringBuilder("n" + i).reverse().toString());
		}
	}
}
