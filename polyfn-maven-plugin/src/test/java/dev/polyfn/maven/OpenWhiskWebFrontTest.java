package dev.polyfn.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

import dev.polyfn.local.MiniJson;
import dev.polyfn.local.Ports;
import dev.polyfn.local.openwhisk.LocalActionRuntime;

/** polyfn:run's OpenWhisk front: a request in as the controller's web-action arguments, the result out as it answers. */
class OpenWhiskWebFrontTest {

	private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
	private final AtomicReference<String> activation = new AtomicReference<>();
	private HttpServer front;

	@AfterEach
	void stop() {
		front.stop(0);
	}

	@Test
	void a_request_becomes_the_web_actions_arguments_with_the_function_in_ow_path() throws Exception {
		start(new LocalActionRuntime.Answer(200, "{\"statusCode\":200,\"body\":\"ok\"}"));

		client.send(HttpRequest.newBuilder(URI.create(url("/square?x=1"))).header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{\"numbers\":[2]}")).build(), HttpResponse.BodyHandlers.discarding());

		@SuppressWarnings("unchecked")
		Map<String, Object> value = (Map<String, Object>) ((Map<?, ?>) MiniJson.parse(activation.get())).get("value");
		assertThat(value).containsEntry("__ow_method", "post").containsEntry("__ow_path", "/square")
				.containsEntry("__ow_query", "x=1") // a raw web action gets a JSON body base64-encoded, as the controller sends it
				.containsEntry("__ow_body", java.util.Base64.getEncoder().encodeToString("{\"numbers\":[2]}".getBytes()));
	}

	@Test
	void the_result_is_answered_as_the_controller_answers_it() throws Exception {
		start(new LocalActionRuntime.Answer(200,
				"{\"statusCode\":201,\"headers\":{\"Content-Type\":\"application/json\"},\"body\":{\"squares\":[4]}}"));

		HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(url("/square")))
				.POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());

		assertThat(java.util.List.<Object>of(response.statusCode(), response.headers().firstValue("content-type").orElse(""), response.body()))
				.containsExactly(201, "application/json", "{\"squares\":[4]}");
	}

	@Test
	void a_run_that_fails_in_the_container_is_a_502() throws Exception {
		start(new LocalActionRuntime.Answer(502, "{\"error\":\"The action did not return a dictionary.\"}"));

		HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(url("/square")))
				.POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());

		assertThat(response.statusCode()).isEqualTo(502);
	}

	private void start(LocalActionRuntime.Answer answer) throws Exception {
		front = OpenWhiskWebFront.start(body -> {
			activation.set(new String(body, java.nio.charset.StandardCharsets.UTF_8));
			return answer;
		}, Ports.free());
	}

	private String url(String path) {
		return "http://127.0.0.1:" + front.getAddress().getPort() + path;
	}
}
