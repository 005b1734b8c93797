package dev.polyfn.aliyun;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import dev.polyfn.core.events.JsonEvents;
import dev.polyfn.core.model.PortableHttpResponse;
import dev.polyfn.core.testing.Fixtures;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** POST /invoke beyond the vendor fixtures: batches, bad events, function choice, FC context and logs. */
@ExtendWith(OutputCaptureExtension.class)
class InvokeEndpointTest {

	private static final String OSS = "aliyun/oss/devsapp-fc3-event-template-oss.json";
	private static final String HTTP_EVENT = "aliyun/http/devsapp-fc3-event-template-http.json";

	private static PortableHttpResponse invoke(byte[] event, String function) {
		return AliyunTestRuntime.invokeEndpoint().handle(AliyunTestRuntime.invokeRequest(event, "req-1"), function);
	}

	private static byte[] resource(String name) throws IOException {
		try (InputStream in = InvokeEndpointTest.class.getResourceAsStream("/" + name)) {
			return in.readAllBytes();
		}
	}

	/** Constructed after the sample event of EventBridge's MNS source docs (no captured batch is in the fixtures). */
	@Test
	void eventbridge_batch_runs_each_cloud_event_and_answers_every_result_in_order() throws IOException {
		PortableHttpResponse response = invoke(resource("eventbridge/mns-queue-stream-batch.json"), "queueMessage");

		assertThat(response.status()).isEqualTo(200);
		JsonNode results = JsonEvents.parse(response.body());
		assertThat(results).hasSize(2);
		assertThat(results.get(0).get("body").asString()).isEqualTo("first");
		assertThat(results.get(1).get("id").asString()).isEqualTo("C6DB60D1574661357FA2272774450002");
	}

	@Test
	void a_failed_item_fails_the_batch_for_fc_and_names_the_failed_event() throws IOException {
		PortableHttpResponse response = invoke(resource("eventbridge/mns-queue-stream-batch.json"), "rejectSecond");

		assertThat(response.status()).isEqualTo(422);
		assertThat(response.headers().first("x-fc-status")).isEqualTo("404");
		JsonNode error = JsonEvents.parse(response.body());
		assertThat(error.get("error").asString()).isEqualTo("batch_failed");
		assertThat(error.get("failedEventIds").toString()).isEqualTo("[\"bffb9722-9c48-407b-9895-b038f78f0002\"]");
	}

	@Test
	void eventbridge_events_reach_a_portable_event_function_with_their_cloud_events_attributes() throws IOException {
		PortableHttpResponse response = invoke(resource("eventbridge/mns-queue-stream-batch.json"), "cloudEvent");

		assertThat(JsonEvents.parse(response.body()).get(0).asString()).isEqualTo("mns:Queue:SendMessage from acs:mns");
	}

	@Test
	void unreadable_event_fails_with_400_marked_as_a_function_error_for_fc_and_no_stack_trace() {
		byte[] fixture = Fixtures.bytes(OSS);
		PortableHttpResponse response = invoke(Arrays.copyOf(fixture, fixture.length / 2), "storageObject");

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.headers().first("x-fc-status")).isEqualTo("404");
		JsonNode error = JsonEvents.parse(response.body());
		assertThat(error.get("error").asString()).isEqualTo("invalid_input");
		assertThat(response.bodyAsString()).doesNotContain("\tat ").doesNotContain("Exception");
	}

	@Test
	void oss_event_without_an_object_key_fails_with_400() {
		ObjectNode event = (ObjectNode) JsonEvents.parse(Fixtures.bytes(OSS));
		((ObjectNode) event.get("events").get(0).get("oss").get("object")).remove("key");

		PortableHttpResponse response = invoke(JsonEvents.toBytes(event), "storageObject");

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.bodyAsString()).contains("names no bucket or object key");
	}

	@Test
	void http_trigger_event_with_invalid_base64_body_fails_with_400() {
		ObjectNode event = (ObjectNode) JsonEvents.parse(Fixtures.bytes(HTTP_EVENT));
		event.put("isBase64Encoded", true).put("body", "not base64 !");

		PortableHttpResponse response = invoke(JsonEvents.toBytes(event), "reverse");

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.headers().first("x-fc-status")).isEqualTo("404");
	}

	@Test
	void without_a_chosen_function_among_several_the_answer_is_404_naming_the_setting() {
		PortableHttpResponse response = invoke(Fixtures.bytes(OSS), null);

		assertThat(response.status()).isEqualTo(404);
		assertThat(response.headers().first("x-fc-status")).isEqualTo("404");
		assertThat(response.bodyAsString()).contains("spring.cloud.function.definition");
	}

	@Test
	void a_payload_of_no_known_shape_reaches_the_function_unchanged() {
		PortableHttpResponse response = invoke("hello".getBytes(StandardCharsets.UTF_8), "reverse");

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.bodyAsString()).isEqualTo("olleh");
	}

	@Test
	void start_and_end_lines_are_logged_over_http_and_credentials_never(CapturedOutput output) throws Exception {
		int port = AliyunTestRuntime.port(AliyunTestRuntime.shared());
		AliyunTestRuntime.send(port, AliyunTestRuntime.request(port, "/invoke")
				.header("Content-Type", "application/octet-stream")
				.header("x-fc-request-id", "req-context")
				.header("x-fc-function-name", "orders")
				.header("x-fc-function-memory", "1024")
				.header("x-fc-region", "cn-hangzhou")
				.header("x-fc-retry-count", "2")
				.header("x-fc-access-key-id", "AK-ID-SHOULD-NOT-LEAK")
				.header("x-fc-access-key-secret", "AK-SECRET-SHOULD-NOT-LEAK")
				.header("x-fc-security-token", "TOKEN-SHOULD-NOT-LEAK")
				.POST(HttpRequest.BodyPublishers.ofString("\"ping\"")));

		HttpResponse<String> chosen = AliyunTestRuntime.send(port, AliyunTestRuntime.request(port, "/invocationHeaders")
				.header("x-fc-request-id", "req-pass-through")
				.header("x-fc-function-name", "orders")
				.header("x-fc-access-key-secret", "AK-SECRET-SHOULD-NOT-LEAK")
				.POST(HttpRequest.BodyPublishers.ofString("ping")));
		JsonNode seen = JsonEvents.parse(chosen.body().getBytes(StandardCharsets.UTF_8));

		assertThat(seen.get("polyfn-request-id").asString()).isEqualTo("req-pass-through");
		assertThat(seen.get("x-fc-function-name").asString()).isEqualTo("orders");
		assertThat(output.getAll()).contains("FC Invoke Start RequestId: req-context", "FC Invoke End RequestId: req-context",
				"FC Invoke Start RequestId: req-pass-through", "FC Invoke End RequestId: req-pass-through");
		assertThat(output.getAll()).doesNotContain("SHOULD-NOT-LEAK");
	}

	@Test
	void invoke_passes_the_fc_context_but_not_the_credentials_to_the_function() {
		PortableHttpResponse response = AliyunTestRuntime.invokeEndpoint().handle(
				dev.polyfn.core.model.PortableHttpRequest.builder().method("POST").path("/invoke")
						.header("x-fc-request-id", "req-headers")
						.header("x-fc-function-name", "orders")
						.header("x-fc-function-timeout", "30")
						.header("x-fc-account-id", "123")
						.header("x-fc-access-key-secret", "AK-SECRET")
						.body("ping").build(),
				"invocationHeaders");
		JsonNode seen = JsonEvents.parse(response.body());

		assertThat(seen.get("polyfn-request-id").asString()).isEqualTo("req-headers");
		assertThat(seen.get("polyfn-function-name").asString()).isEqualTo("orders");
		assertThat(seen.get("polyfn-cloud").asString()).isEqualTo("aliyun");
		assertThat(seen.get("x-fc-function-timeout").asString()).isEqualTo("30");
		assertThat(seen.get("x-fc-account-id").asString()).isEqualTo("123");
		assertThat(seen.has("x-fc-access-key-secret")).isFalse();
	}

	@Test
	void concurrent_invocations_each_keep_their_own_request_id() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			List<Future<String>> answers = new ArrayList<>();
			for (int i = 0; i < 40; i++) {
				String id = "req-" + i;
				answers.add(pool.submit(() -> JsonEvents.parse(AliyunTestRuntime.invokeEndpoint()
						.handle(AliyunTestRuntime.invokeRequest("x".getBytes(StandardCharsets.UTF_8), id), "invocationHeaders")
						.body()).get("polyfn-request-id").asString()));
			}
			for (int i = 0; i < answers.size(); i++) {
				assertThat(answers.get(i).get()).isEqualTo("req-" + i);
			}
		}
		finally {
			pool.shutdownNow();
		}
	}
}
