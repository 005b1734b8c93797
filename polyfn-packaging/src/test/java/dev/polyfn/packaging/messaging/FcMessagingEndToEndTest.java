package dev.polyfn.packaging.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
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
import dev.polyfn.local.BootstrapScripts;
import dev.polyfn.local.CodeFolders;
import dev.polyfn.local.LocalServer;
import dev.polyfn.messaging.mns.testing.MnsTestServer;

/**
 * {@code processOrder} and {@code temperatureAlert} in the examples' FC package ({@code mvn -Paliyun package}), each
 * started by the package's own {@code bootstrap} as FC's custom runtime starts it and invoked on {@code /invoke} as
 * FC invokes it: with the MNS topic trigger's event (the devsapp/fc3 template, JSON format, its {@code Message}
 * replaced by the order or reading), one event per message, as the topic trigger delivers them. The function has what
 * FC gives it: the role's STS credentials in {@code ALIBABA_CLOUD_*}, {@code FC_ACCOUNT_ID} and {@code FC_REGION}, and
 * the deploy plan's {@code POLYFN_MESSAGING_<ALIAS>_DESTINATION}; MNS is {@link MnsTestServer} (an emulation of the
 * MNS API written from its reference: no MNS emulator exists) reached through {@code POLYFN_MESSAGING_MNS_ENDPOINT}
 * instead of {@code https://<account>.mns.<region>.aliyuncs.com}, and the results are read back through its
 * BatchReceiveMessage. A failed publish fails the invocation in FC's terms ({@code x-fc-status: 404}, an
 * HandledInvocationError), which FC retries for asynchronous invocations, three times by default ("Configure a retry
 * mechanism", https://help.aliyun.com/en/functioncompute/fc/user-guide/error-handling-1-2, read 2026-12-06); the test
 * sends the same event again as that retry.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FcMessagingEndToEndTest {

	private static final HttpClient CLIENT = HttpClient.newHttpClient();

	private static final String EVENT = "aliyun/mns/devsapp-fc3-event-template-mns-without-MessageAttributes.json";

	private final AtomicInteger requests = new AtomicInteger();

	private MnsTestServer mns;
	private LocalServer processOrder;
	private LocalServer temperatureAlert;

	@BeforeAll
	void startMnsAndTheFunctions() throws Exception {
		mns = MnsTestServer.start();
		mns.createQueue("order-results");
		mns.createTopic("alerts");
		mns.subscribe("alerts", "alerts-inbox");
		Path packaged = PackagedBuild.of("aliyun");
		Path work = packaged.getParent().getParent().resolve("fc-messaging-e2e");
		Path code = Files.createDirectories(work.resolve("code"));
		try (Stream<Path> files = Files.list(packaged)) {
			CodeFolders.unzipKeepingModes(files.filter(p -> p.toString().endsWith("-aliyun.zip")).findFirst().orElseThrow(), code);
		}
		// Both JVMs start at once, then both are awaited: the start-ups overlap.
		processOrder = start(code, "processOrder", "POLYFN_MESSAGING_ORDER_RESULTS_DESTINATION", "order-results", work);
		temperatureAlert = start(code, "temperatureAlert", "POLYFN_MESSAGING_ALERTS_DESTINATION", "alerts", work);
		for (LocalServer instance : List.of(processOrder, temperatureAlert)) {
			if (!instance.awaitListening(Duration.ofSeconds(90))) {
				throw new IllegalStateException("bootstrap did not listen within 90 s:\n" + instance.process().log());
			}
		}
	}

	private LocalServer start(Path code, String function, String destinationVariable, String destination, Path work) throws Exception {
		Map<String, String> env = new LinkedHashMap<>();
		env.put("SPRING_CLOUD_FUNCTION_DEFINITION", function);
		env.put("FC_FUNCTION_MEMORY_SIZE", "1024");
		env.put("FC_REGION", "cn-hangzhou");
		env.put("FC_ACCOUNT_ID", "1234567890123456");
		env.put("ALIBABA_CLOUD_ACCESS_KEY_ID", MnsTestServer.ACCESS_KEY_ID);
		env.put("ALIBABA_CLOUD_ACCESS_KEY_SECRET", MnsTestServer.ACCESS_KEY_SECRET);
		env.put("ALIBABA_CLOUD_SECURITY_TOKEN", MnsTestServer.SECURITY_TOKEN);
		env.put(destinationVariable, destination);
		env.put("POLYFN_MESSAGING_MNS_ENDPOINT", mns.endpoint());
		return BootstrapScripts.startFcBootstrap(code, env, work.resolve(function + ".log"));
	}

	@AfterAll
	void stop() {
		for (LocalServer instance : new LocalServer[] { processOrder, temperatureAlert }) {
			if (instance != null) {
				instance.close();
			}
		}
		mns.close();
	}

	@Test
	void two_orders_in_two_mns_events_publish_a_confirmation_and_a_rejection_to_the_queue() throws Exception {
		HttpResponse<String> apples = invoke(processOrder, order("e2e-1", "apple", 2));
		HttpResponse<String> pears = invoke(processOrder, order("e2e-2", "pear", 9));

		assertThat(List.of(fcStatus(apples), fcStatus(pears))).containsExactly("200", "200");
		Map<String, String> statusByOrder = new LinkedHashMap<>();
		for (String body : mns.receive("order-results", true)) {
			JsonNode result = JsonEvents.parse(body.getBytes());
			statusByOrder.put(result.get("orderId").asString(), result.get("status").asString());
		}
		assertThat(statusByOrder).containsExactlyInAnyOrderEntriesOf(Map.of("e2e-1", "CONFIRMED", "e2e-2", "REJECTED"));
	}

	@Test
	void a_reading_of_35_publishes_one_alert_to_the_topic() throws Exception {
		mns.receive("alerts-inbox", false);

		HttpResponse<String> response = invoke(temperatureAlert, reading("boiler-35", 35));

		assertThat(fcStatus(response)).isEqualTo("200");
		List<String> alerts = mns.receive("alerts-inbox", false);
		assertThat(alerts).singleElement().satisfies(alert -> {
			JsonNode json = JsonEvents.parse(alert.getBytes());
			assertThat(json.get("deviceId").asString() + " " + json.get("temperature").asDouble()).isEqualTo("boiler-35 35.0");
		});
	}

	@Test
	void a_reading_of_20_publishes_nothing() throws Exception {
		mns.receive("alerts-inbox", false);

		HttpResponse<String> response = invoke(temperatureAlert, reading("cellar-20", 20));

		assertThat(fcStatus(response)).isEqualTo("200");
		assertThat(mns.receive("alerts-inbox", false)).isEmpty();
	}

	@Test
	void a_failed_publish_fails_the_invocation_and_the_retry_publishes_once_without_reserving_again() throws Exception {
		String event = order("e2e-retry", "apple", 1);
		mns.failNext(1, 500, "InternalError");

		HttpResponse<String> failed = invoke(processOrder, event);

		assertThat(fcStatus(failed) + " " + JsonEvents.parse(failed.body().getBytes()).get("error").asString())
			.isEqualTo("404 function_error");
		assertThat(mns.receive("order-results", true)).isEmpty();

		HttpResponse<String> retried = invoke(processOrder, event);

		assertThat(fcStatus(retried)).isEqualTo("200");
		List<String> published = mns.receive("order-results", true);
		assertThat(published).hasSize(1);
		JsonNode result = JsonEvents.parse(published.get(0).getBytes());
		assertThat(result.get("orderId").asString() + " " + result.get("status").asString()).isEqualTo("e2e-retry CONFIRMED");
		int remainingAfterRetry = result.get("remainingStock").asInt();

		invoke(processOrder, order("e2e-after-retry", "apple", 1));

		JsonNode next = JsonEvents.parse(mns.receive("order-results", true).get(0).getBytes());
		assertThat(next.get("remainingStock").asInt()).as("the retry reserved nothing more").isEqualTo(remainingAfterRetry - 1);
	}

	/** The MNS topic trigger's event for one order message. */
	private static String order(String orderId, String sku, int quantity) {
		return event(orderId, "{\"orderId\":\"" + orderId + "\",\"sku\":\"" + sku + "\",\"quantity\":" + quantity + "}");
	}

	private static String reading(String deviceId, double temperature) {
		return event(deviceId, "{\"deviceId\":\"" + deviceId + "\",\"temperature\":" + temperature + "}");
	}

	private static String event(String id, String message) {
		ObjectNode event = (ObjectNode) JsonEvents.parse(Fixtures.bytes(EVENT));
		event.put("Message", message);
		event.put("MessageId", "2F5B3C082B923D4EAC694B76D928-" + id);
		return new String(JsonEvents.toBytes(event));
	}

	private HttpResponse<String> invoke(LocalServer instance, String event) throws Exception {
		return CLIENT.send(HttpRequest.newBuilder(URI.create(instance.url("/invoke")))
			.header("Content-Type", "application/octet-stream").header("x-fc-request-id", "e2e-mns-" + requests.incrementAndGet())
			.header("x-fc-control-path", "/invoke")
			.POST(HttpRequest.BodyPublishers.ofString(event)).build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String fcStatus(HttpResponse<String> response) {
		return response.headers().firstValue("x-fc-status").orElse("none");
	}
}
