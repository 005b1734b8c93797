package dev.polyfn.packaging.gcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import dev.polyfn.core.events.JsonEvents;
import dev.polyfn.core.testing.Fixtures;
import dev.polyfn.core.testing.PackagedBuild;
import dev.polyfn.local.FunctionsFrameworkInvoker;
import dev.polyfn.local.LocalJvms;
import dev.polyfn.local.LocalServer;
import dev.polyfn.local.Ports;
import dev.polyfn.packaging.CloudRuntimes;

/**
 * The examples packaged by {@code mvn -Pgcp package}, served by the real Functions Framework
 * (java-function-invoker 2.0.0) in a child process, driven over HTTP on 127.0.0.1.
 */
class FunctionsFrameworkEndToEndTest {

	private static final String HTTP_ENTRY = "dev.polyfn.gcp.GcpHttpFunction";
	private static final String EVENTS_ENTRY = "dev.polyfn.gcp.GcpCloudEventsFunction";
	private static final Duration START_LIMIT = Duration.ofSeconds(90);

	private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private static Path jar;
	private static Path logs;
	/** One framework process serving the HTTP entry with no function configured: the path picks the function. */
	private static LocalServer httpByPath;
	private static String coldStart;

	@BeforeAll
	static void buildAndStartTheHttpFunction() throws Exception {
		Path packaged = PackagedBuild.of("gcp");
		try (Stream<Path> files = Files.list(packaged.resolve("source"))) {
			jar = files.filter(p -> p.toString().endsWith(".jar")).findFirst().orElseThrow();
		}
		logs = packaged.resolveSibling("e2e-logs");
		httpByPath = invoker(HTTP_ENTRY, null);
		assertThat(httpByPath.awaitListening(START_LIMIT)).as(() -> output(httpByPath)).isTrue();
		HttpResponse<String> first = send(HttpRequest.newBuilder(URI.create(httpByPath.url("/reverse")))
				.POST(BodyPublishers.ofString("warm")).build());
		coldStart = "Functions Framework start → first response: " + Duration.ofNanos(System.nanoTime() - httpByPath.process().startedAtNanos()).toMillis() + " ms";
		System.out.println("[gcp e2e] " + coldStart);
		Files.writeString(logs.resolve("cold-start.txt"), coldStart + "\n");
		assertThat(first.statusCode()).isEqualTo(200);
	}

	@AfterAll
	static void stop() throws InterruptedException {
		if (httpByPath != null) {
			httpByPath.close();
		}
	}

	@Test
	void reverse_answers_over_http() throws Exception {
		HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(httpByPath.url("/reverse")))
				.header("Content-Type", "text/plain; charset=utf-8").POST(BodyPublishers.ofString("polyfn on gcp")).build());

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("pcg no nfylop");
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("text/plain"));
	}

	@Test
	void thumbnail_takes_a_binary_body_and_answers_a_png() throws Exception {
		HttpResponse<byte[]> response = CLIENT.send(HttpRequest.newBuilder(URI.create(httpByPath.url("/thumbnail")))
				.header("Content-Type", "image/png").POST(BodyPublishers.ofByteArray(png(1600, 1200))).build(),
				BodyHandlers.ofByteArray());

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("image/png");
		BufferedImage thumbnail = ImageIO.read(new ByteArrayInputStream(response.body()));
		assertThat(thumbnail).as("a readable PNG").isNotNull();
		assertThat(thumbnail.getWidth()).isEqualTo(800);
		assertThat(thumbnail.getHeight()).isEqualTo(600);
	}

	@Test
	void malformed_json_is_a_400_with_the_error_body() throws Exception {
		HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(httpByPath.url("/square")))
				.header("Content-Type", "application/json").POST(BodyPublishers.ofString("{\"numbers\": [1, 2")).build());

		assertThat(response.statusCode()).isEqualTo(400);
		JsonNode error = JsonEvents.parse(response.body().getBytes(StandardCharsets.UTF_8));
		assertThat(error.get("error").asString()).isEqualTo("invalid_input");
		assertThat(error.get("message").asString()).isNotBlank();
	}

	@Test
	void a_number_square_cannot_use_is_a_400_json_error_without_a_stack_trace() throws Exception {
		// 1e1500000000 squared overflows BigDecimal's scale (a 500 before strict JSON): now refused on reading.
		HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(httpByPath.url("/square")))
				.header("Content-Type", "application/json")
				.POST(BodyPublishers.ofString("{\"numbers\": [1e1500000000]}")).build());

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("application/json"));
		JsonNode error = JsonEvents.parse(response.body().getBytes(StandardCharsets.UTF_8));
		assertThat(error.has("error")).isTrue();
		assertThat(error.has("message")).isTrue();
		assertThat(response.body()).doesNotContain("\tat ", "Exception.java", "at java.");
	}

	@Test
	void concurrent_requests_share_one_instance_and_each_gets_its_own_answer() throws Exception {
		List<CompletableFuture<HttpResponse<String>>> calls = IntStream.range(0, 32)
				.mapToObj(i -> CLIENT.sendAsync(HttpRequest.newBuilder(URI.create(httpByPath.url("/reverse")))
						.POST(BodyPublishers.ofString("request-" + i)).build(), BodyHandlers.ofString()))
				.toList();

		for (int i = 0; i < calls.size(); i++) {
			HttpResponse<String> response = calls.get(i).get(30, TimeUnit.SECONDS);
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.body()).isEqualTo(new StringBuilder("request-" + i).reverse().toString());
		}
		assertThat(httpByPath.process().log()).containsOnlyOnce("polyfn started ExamplesApplication for gcp");
	}

	@Test
	void a_legacy_storage_event_posted_to_the_http_entry_reaches_plan_thumbnail_as_a_storage_object_event()
			throws Exception {
		HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(httpByPath.url("/planThumbnail")))
				.header("Content-Type", "application/json")
				.POST(BodyPublishers.ofByteArray(Fixtures.bytes("gcp/storage/conformance-storage-legacy-input.json")))
				.build());

		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode plan = JsonEvents.parse(response.body().getBytes(StandardCharsets.UTF_8));
		assertThat(plan.get("source").asString()).isEqualTo("folder/Test.cs");
		assertThat(plan.get("reason").asString()).isEqualTo("the object is not an image");
	}

	@Test
	void a_binary_mode_pubsub_cloud_event_reaches_process_order() throws Exception {
		try (LocalServer events = started(EVENTS_ENTRY, "processOrder")) {
			HttpResponse<String> confirmed = send(binaryPubSubEvent(events, "{\"orderId\":\"o-1\",\"sku\":\"apple\",\"quantity\":2}"));
			HttpResponse<String> invalid = send(binaryPubSubEvent(events, "{\"orderId\":\"o-2\",\"sku\":\"apple\",\"quantity\":0}"));

			assertThat(confirmed.statusCode()).isEqualTo(200);
			// processOrder rejects an order of nothing with 422; a CloudEvents function can only fail, so Pub/Sub redelivers.
			assertThat(invalid.statusCode()).isEqualTo(500);
			assertThat(events.process().log()).contains("Function 'processOrder' did not process event",
					"422", "An order needs 'orderId', 'sku' and a 'quantity' of at least 1");
		}
	}

	@Test
	void a_structured_mode_pubsub_cloud_event_reaches_temperature_alert() throws Exception {
		try (LocalServer events = started(EVENTS_ENTRY, "temperatureAlert")) {
			HttpResponse<String> alert = send(structuredPubSubEvent(events, "{\"deviceId\":\"d-7\",\"temperature\":41.5}"));
			HttpResponse<String> notAReading = send(structuredPubSubEvent(events, "{\"deviceId\":\"d-7\"}"));

			assertThat(alert.statusCode()).isEqualTo(200);
			assertThat(notAReading.statusCode()).isEqualTo(500);
			assertThat(events.process().log()).contains("Function 'temperatureAlert' did not process event",
					"A reading needs 'deviceId' and 'temperature'");
		}
	}

	@Test
	void an_unknown_function_fails_the_start_naming_the_setting() throws Exception {
		try (LocalServer unknown = invoker(HTTP_ENTRY, "nope")) {
			Integer exit = unknown.process().awaitExit(START_LIMIT);
			String output = unknown.process().log();
			if (exit == null) {
				// Still running: then it must not serve; the first request fails and the log says why.
				HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(unknown.url("/")))
						.POST(BodyPublishers.ofString("x")).build());
				assertThat(response.statusCode()).isGreaterThanOrEqualTo(500);
				output = unknown.process().log();
			}
			else {
				assertThat(exit).isNotZero();
			}
			assertThat(output).contains("spring.cloud.function.definition='nope' names no function");
		}
	}

	private static LocalServer started(String target, String definition) throws Exception {
		LocalServer process = invoker(target, definition);
		assertThat(process.awaitListening(START_LIMIT)).as(() -> output(process)).isTrue();
		return process;
	}

	/** Google's binary-mode Pub/Sub example body with our message in {@code message.data}, and ce-* headers. */
	private static HttpRequest binaryPubSubEvent(LocalServer process, String message) {
		ObjectNode data = (ObjectNode) JsonEvents.parse(
				Fixtures.bytes("gcp/pubsub/cloudevents-binary-data-MessagePublishedData-complex.json"));
		((ObjectNode) data.get("message")).put("data", base64(message));
		return HttpRequest.newBuilder(URI.create(process.url("/")))
				.header("Content-Type", "application/json")
				.header("ce-specversion", "1.0")
				.header("ce-id", "e2e-" + System.nanoTime())
				.header("ce-source", "//pubsub.googleapis.com/projects/test-project/topics/orders")
				.header("ce-type", "google.cloud.pubsub.topic.v1.messagePublished")
				.header("ce-time", "2021-02-05T04:06:14.109Z")
				.POST(BodyPublishers.ofByteArray(JsonEvents.toBytes(data))).build();
	}

	/** Google's structured-mode Pub/Sub example with our message in {@code data.message.data}. */
	private static HttpRequest structuredPubSubEvent(LocalServer process, String message) {
		ObjectNode event = (ObjectNode) JsonEvents.parse(
				Fixtures.bytes("gcp/pubsub/cloudevents-structured-MessagePublishedData.json"));
		((ObjectNode) event.get("data").get("message")).put("data", base64(message));
		event.put("id", "e2e-" + System.nanoTime());
		return HttpRequest.newBuilder(URI.create(process.url("/")))
				.header("Content-Type", "application/cloudevents+json; charset=utf-8")
				.POST(BodyPublishers.ofByteArray(JsonEvents.toBytes(event))).build();
	}

	private static String base64(String text) {
		return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
	}

	private static HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
		return CLIENT.send(request, BodyHandlers.ofString());
	}

	private static String output(LocalServer process) {
		return "the invoker did not start listening; its output:\n" + process.process().log();
	}

	/** The real Functions Framework serving the packaged jar, with {@code definition} configured (null: none). */
	private static LocalServer invoker(String target, String definition) throws IOException {
		Map<String, String> env = new HashMap<>();
		// processOrder and temperatureAlert publish; these tests are about the adapter's translation, so their results
		// and alerts stay in memory (GcpMessagingEndToEndTest publishes them to the Pub/Sub emulator).
		env.put("POLYFN_MESSAGING_ORDER_RESULTS_PROVIDER", "local");
		env.put("POLYFN_MESSAGING_ALERTS_PROVIDER", "local");
		if (definition != null) {
			env.put("SPRING_CLOUD_FUNCTION_DEFINITION", definition);
		}
		Path log = logs.resolve("invoker-" + target.substring(target.lastIndexOf('.') + 1) + "-"
				+ (definition == null ? "default" : definition) + ".log");
		// the Java version of the base image the package targets (java25), when such a JDK is installed
		return FunctionsFrameworkInvoker.start(LocalJvms.java(CloudRuntimes.target("gcp", null).java()).toString(),
				invokerJar(), jar, target, env, log, Ports.free());
	}

	/** The invoker jar Maven resolved (dependency:properties puts its path in a system property). */
	private static Path invokerJar() {
		String path = System.getProperty("polyfn.gcp.invoker.jar");
		if (path == null || path.isBlank() || path.startsWith("${") || !Files.isRegularFile(Path.of(path))) {
			throw new IllegalStateException("polyfn.gcp.invoker.jar does not name the java-function-invoker jar: " + path
					+ " (run the test through Maven, which resolves it)");
		}
		return Path.of(path);
	}

	private static byte[] png(int width, int height) throws IOException {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		for (int x = 0; x < width; x++) {
			for (int y = 0; y < height; y++) {
				image.setRGB(x, y, (x * 255 / width) << 16 | (y * 255 / height) << 8);
			}
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(image, "png", out);
		return out.toByteArray();
	}
}
