package dev.polyfn.packaging.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import dev.polyfn.core.events.JsonEvents;
import dev.polyfn.core.testing.Fixtures;
import dev.polyfn.core.testing.PackagedBuild;
import dev.polyfn.local.FunctionsFrameworkInvoker;
import dev.polyfn.local.LocalJvms;
import dev.polyfn.local.LocalServer;
import dev.polyfn.local.Ports;
import dev.polyfn.messaging.pubsub.testing.PubSubEmulator;
import dev.polyfn.messaging.pubsub.testing.PubSubEmulator.Received;
import dev.polyfn.packaging.CloudRuntimes;

/**
 * processOrder and temperatureAlert in the examples' GCP package ({@code mvn -Pgcp package}), served by the real
 * Functions Framework (java-function-invoker 2.0.0) as CloudEvents functions, given Pub/Sub's messagePublished events
 * built from Google's fixtures (one message per event, as Eventarc delivers them), publishing through
 * {@code PUBSUB_EMULATOR_HOST} to Google's Pub/Sub emulator, read back through pull subscriptions. The destinations are
 * set as the deploy plan sets them: {@code POLYFN_MESSAGING_<ALIAS>_DESTINATION=projects/<project>/topics/<topic>}.
 *
 * <p>A failed publish fails the event: a CloudEvents function only succeeds or fails, and the framework answers 500;
 * a message its destination cannot acknowledge Pub/Sub sends again, with exponential backoff, where the Eventarc
 * trigger's retry policy allows it ("Configure event-driven function retries",
 * https://cloud.google.com/functions/docs/writing/retries, read 2026-12-06). One message per event, so the 500 marks
 * exactly that message failed: Pub/Sub's equivalent of a batch-failure answer.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GcpMessagingEndToEndTest {

	private static final String PROJECT = "polyfn-e2e";
	private static final Duration START_LIMIT = Duration.ofSeconds(90);
	private static final Duration WAIT = Duration.ofSeconds(10);
	private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private PubSubEmulator pubsub;
	private Path jar;
	private Path logs;
	private LocalServer orders;
	private LocalServer alerts;

	@BeforeAll
	void startTheBrokerAndTheFunctions() throws Exception {
		pubsub = PubSubEmulator.start();
		for (String topic : List.of("order-results", "alerts")) {
			pubsub.createTopic(PROJECT, topic);
			pubsub.createSubscription(PROJECT, topic + "-sub", topic);
		}
		Path packaged = PackagedBuild.of("gcp");
		try (Stream<Path> files = Files.list(packaged.resolve("source"))) {
			jar = files.filter(p -> p.toString().endsWith(".jar")).findFirst().orElseThrow();
		}
		logs = Files.createDirectories(packaged.resolveSibling("e2e-logs"));
		orders = invoker("processOrder", Map.of("POLYFN_MESSAGING_ORDER_RESULTS_DESTINATION", topic("order-results")));
		alerts = invoker("temperatureAlert", Map.of("POLYFN_MESSAGING_ALERTS_DESTINATION", topic("alerts")));
	}

	@AfterAll
	void stop() throws Exception {
		for (LocalServer function : new LocalServer[] {orders, alerts}) {
			if (function != null) {
				function.close();
			}
		}
		if (pubsub != null) {
			pubsub.close();
		}
	}

	@Test
	void two_orders_publish_a_confirmation_and_a_rejection_to_order_results() throws Exception {
		HttpResponse<String> apples = send(binaryEvent(orders, "{\"orderId\":\"o-apples\",\"sku\":\"apple\",\"quantity\":2}"));
		HttpResponse<String> pears = send(binaryEvent(orders, "{\"orderId\":\"o-pears\",\"sku\":\"pear\",\"quantity\":9}"));

		assertThat(apples.statusCode()).as(apples.body()).isBetween(200, 299);
		assertThat(pears.statusCode()).as(pears.body()).isBetween(200, 299);
		List<Received> results = pubsub.pull(PROJECT, "order-results-sub", 2, WAIT);
		assertThat(results).extracting(r -> json(r).get("orderId").asString() + " " + json(r).get("status").asString()
				+ " " + r.attributes().get("status") + " " + r.attributes().get("type") + " " + r.attributes().get("content-type"))
			.containsExactlyInAnyOrder("o-apples CONFIRMED CONFIRMED order-result application/json",
					"o-pears REJECTED REJECTED order-result application/json");
	}

	@Test
	void a_reading_of_35_publishes_one_alert_and_a_reading_of_20_none() throws Exception {
		HttpResponse<String> hot = send(structuredEvent(alerts, "{\"deviceId\":\"d-7\",\"temperature\":35}"));
		HttpResponse<String> mild = send(structuredEvent(alerts, "{\"deviceId\":\"d-8\",\"temperature\":20}"));

		assertThat(hot.statusCode()).as(hot.body()).isBetween(200, 299);
		assertThat(mild.statusCode()).as(mild.body()).isBetween(200, 299);
		// Both events were answered, so whatever they published is on the topic now: one alert, d-7's.
		List<Received> published = pubsub.pull(PROJECT, "alerts-sub", 2, Duration.ofSeconds(2));
		assertThat(published).singleElement().satisfies(alert -> {
			assertThat(json(alert).get("deviceId").asString()).isEqualTo("d-7");
			assertThat(alert.attributes()).containsEntry("type", "temperature-alert").containsEntry("deviceId", "d-7");
		});
	}

	@Test
	void a_failed_publish_fails_the_event_and_its_redelivery_publishes_once_and_reserves_no_more_stock() throws Exception {
		// Its own function process, whose topic does not exist yet, and its own fresh inventory (10 apples).
		try (LocalServer retried = invoker("processOrder", Map.of("POLYFN_MESSAGING_ORDER_RESULTS_DESTINATION", topic("order-retry")))) {
			String order = "{\"orderId\":\"o-retry\",\"sku\":\"apple\",\"quantity\":3}";
			String eventId = "e2e-retry-" + System.nanoTime();

			HttpResponse<String> first = send(binaryEvent(retried, order, eventId));
			assertThat(first.statusCode()).isEqualTo(500);
			assertThat(retried.process().log()).contains("Messaging destination 'order-results' does not exist");

			pubsub.createTopic(PROJECT, "order-retry");
			pubsub.createSubscription(PROJECT, "order-retry-sub", "order-retry");
			HttpResponse<String> redelivered = send(binaryEvent(retried, order, eventId));
			HttpResponse<String> next = send(binaryEvent(retried, "{\"orderId\":\"o-next\",\"sku\":\"apple\",\"quantity\":1}"));

			assertThat(redelivered.statusCode()).as(redelivered.body()).isBetween(200, 299);
			assertThat(next.statusCode()).as(next.body()).isBetween(200, 299);
			List<Received> results = pubsub.pull(PROJECT, "order-retry-sub", 3, Duration.ofSeconds(3));
			// o-retry once, with the 3 apples taken once: the next order leaves 10 - 3 - 1.
			assertThat(results).extracting(r -> json(r).get("orderId").asString() + " " + json(r).get("remainingStock").asInt())
				.containsExactlyInAnyOrder("o-retry 7", "o-next 6");
		}
	}

	private LocalServer invoker(String definition, Map<String, String> messaging) throws Exception {
		Map<String, String> env = new java.util.HashMap<>(messaging);
		env.put("SPRING_CLOUD_FUNCTION_DEFINITION", definition);
		env.put("PUBSUB_EMULATOR_HOST", pubsub.host());
		Path log = logs.resolve("invoker-messaging-" + definition + "-" + System.nanoTime() + ".log");
		LocalServer server = FunctionsFrameworkInvoker.start(LocalJvms.java(CloudRuntimes.target("gcp", null).java()).toString(),
				Path.of(System.getProperty("polyfn.gcp.invoker.jar")), jar, "dev.polyfn.gcp.GcpCloudEventsFunction", env, log,
				Ports.free());
		assertThat(server.awaitListening(START_LIMIT)).as(() -> server.process().log()).isTrue();
		return server;
	}

	private static String topic(String name) {
		return "projects/" + PROJECT + "/topics/" + name;
	}

	private static HttpRequest binaryEvent(LocalServer function, String message) {
		return binaryEvent(function, message, "e2e-" + System.nanoTime());
	}

	/** Google's binary-mode example body (MessagePublishedData) with our message as data, and the ce-* headers. */
	private static HttpRequest binaryEvent(LocalServer function, String message, String eventId) {
		ObjectNode data = (ObjectNode) JsonEvents.parse(Fixtures.bytes("gcp/pubsub/cloudevents-binary-data-MessagePublishedData-complex.json"));
		((ObjectNode) data.get("message")).put("data", base64(message)).put("messageId", eventId);
		return HttpRequest.newBuilder(URI.create(function.url("/"))).header("Content-Type", "application/json")
			.header("ce-specversion", "1.0").header("ce-id", eventId)
			.header("ce-source", "//pubsub.googleapis.com/projects/" + PROJECT + "/topics/orders")
			.header("ce-type", "google.cloud.pubsub.topic.v1.messagePublished").header("ce-time", "2021-02-05T04:06:14.109Z")
			.POST(HttpRequest.BodyPublishers.ofByteArray(JsonEvents.toBytes(data))).build();
	}

	/** Google's structured-mode example with our message as data.message.data. */
	private static HttpRequest structuredEvent(LocalServer function, String message) {
		ObjectNode event = (ObjectNode) JsonEvents.parse(Fixtures.bytes("gcp/pubsub/cloudevents-structured-MessagePublishedData.json"));
		((ObjectNode) event.get("data").get("message")).put("data", base64(message));
		event.put("id", "e2e-" + System.nanoTime());
		return HttpRequest.newBuilder(URI.create(function.url("/")))
			.header("Content-Type", "application/cloudevents+json; charset=utf-8")
			.POST(HttpRequest.BodyPublishers.ofByteArray(JsonEvents.toBytes(event))).build();
	}

	private static JsonNode json(Received message) {
		return JsonEvents.parse(message.data());
	}

	private static String base64(String text) {
		return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
	}

	private static HttpResponse<String> send(HttpRequest request) throws Exception {
		return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
	}
}
