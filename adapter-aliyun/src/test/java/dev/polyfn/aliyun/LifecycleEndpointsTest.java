package dev.polyfn.aliyun;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/** FC's lifecycle hooks and pass-through HTTP over a real socket. */
class LifecycleEndpointsTest {

	@Test
	void initialize_answers_200() throws Exception {
		int port = AliyunTestRuntime.port(AliyunTestRuntime.shared());

		HttpResponse<String> response = AliyunTestRuntime.send(port, AliyunTestRuntime.request(port, "/initialize")
				.header("x-fc-request-id", "req-init").POST(HttpRequest.BodyPublishers.noBody()));

		assertThat(response.statusCode()).isEqualTo(200);
	}

	@Test
	void pass_through_http_routes_by_path_as_in_web_mode() throws Exception {
		int port = AliyunTestRuntime.port(AliyunTestRuntime.shared());

		HttpResponse<String> response = AliyunTestRuntime.send(port, AliyunTestRuntime.request(port, "/reverse")
				.header("x-fc-request-id", "req-reverse").POST(HttpRequest.BodyPublishers.ofString("hello")));

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("olleh");
		assertThat(response.headers().firstValue("x-fc-status")).isEmpty();
	}

	@Test
	void pre_stop_answers_200_then_closes_the_application_context() throws Exception {
		ConfigurableApplicationContext own = AliyunTestRuntime.start();
		int port = AliyunTestRuntime.port(own);

		HttpResponse<String> response = AliyunTestRuntime.send(port, AliyunTestRuntime.request(port, "/pre-stop").GET());

		assertThat(response.statusCode()).isEqualTo(200);
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (own.isActive() && System.nanoTime() < deadline) {
			Thread.sleep(50);
		}
		assertThat(own.isActive()).isFalse();
	}
}
