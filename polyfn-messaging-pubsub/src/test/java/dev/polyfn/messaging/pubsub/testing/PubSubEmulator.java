package dev.polyfn.messaging.pubsub.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import dev.polyfn.core.events.JsonEvents;
import dev.polyfn.local.Ports;

/**
 * Google's own Pub/Sub emulator (the Cloud SDK component {@code pubsub-emulator}, installed under
 * {@code /usr/lib/google-cloud-sdk/platform/pubsub-emulator}, or {@code -Dpolyfn.pubsub.emulator.home}) started on a
 * free loopback port, and the subscriber side a test needs, through the same REST API the provider publishes on: the
 * emulator serves REST and gRPC on one port ("Testing apps locally with the emulator",
 * https://cloud.google.com/pubsub/docs/emulator, read 2026-12-06). Ready when its REST API answers; stopped with its
 * process tree on {@link #close()}.
 */
public final class PubSubEmulator implements AutoCloseable {

	public static final String DEFAULT_HOME = "/usr/lib/google-cloud-sdk/platform/pubsub-emulator";

	private static final Duration START_LIMIT = Duration.ofSeconds(60);

	private final Process process;
	private final int port;
	private final Path log;
	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private PubSubEmulator(Process process, int port, Path log) {
		this.process = process;
		this.port = port;
		this.log = log;
	}

	/** Starts the emulator and returns once its REST API answers. */
	public static PubSubEmulator start() throws IOException, InterruptedException {
		Path home = Path.of(System.getProperty("polyfn.pubsub.emulator.home", DEFAULT_HOME));
		Path script = home.resolve("bin/cloud-pubsub-emulator");
		if (!Files.isExecutable(script)) {
			throw new IllegalStateException("No Pub/Sub emulator at " + script + ": install the Cloud SDK component "
					+ "(apt-get install google-cloud-cli-pubsub-emulator) or set -Dpolyfn.pubsub.emulator.home");
		}
		int port = Ports.free();
		Path log = Files.createTempFile("pubsub-emulator-", ".log");
		Process process = new ProcessBuilder(script.toString(), "--host=127.0.0.1", "--port=" + port)
			.redirectErrorStream(true).redirectOutput(log.toFile()).start();
		PubSubEmulator emulator = new PubSubEmulator(process, port, log);
		emulator.awaitReady();
		return emulator;
	}

	private void awaitReady() throws IOException, InterruptedException {
		long deadline = System.nanoTime() + START_LIMIT.toNanos();
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				throw new IllegalStateException("The Pub/Sub emulator exited with " + process.exitValue() + ": " + log());
			}
			try {
				if (send("GET", "/v1/projects/readiness/topics", null).statusCode() == 200) {
					return;
				}
			}
			catch (IOException notYet) {
				// not listening yet
			}
			Thread.sleep(100);
		}
		close();
		throw new IllegalStateException("The Pub/Sub emulator did not answer within " + START_LIMIT + ": " + log());
	}

	/** {@code 127.0.0.1:<port>}, what {@code PUBSUB_EMULATOR_HOST} takes. */
	public String host() {
		return "127.0.0.1:" + port;
	}

	public void createTopic(String project, String topic) throws IOException, InterruptedException {
		expectOk(send("PUT", "/v1/projects/" + project + "/topics/" + topic, "{}"), "create topic " + topic);
	}

	/** A pull subscription to the topic, with message ordering on so ordering keys are honoured. */
	public void createSubscription(String project, String subscription, String topic) throws IOException, InterruptedException {
		ObjectNode body = JsonEvents.object().put("topic", "projects/" + project + "/topics/" + topic)
			.put("enableMessageOrdering", true).put("ackDeadlineSeconds", 60);
		expectOk(send("PUT", "/v1/projects/" + project + "/subscriptions/" + subscription, body.toString()),
				"create subscription " + subscription);
	}

	/** The messages waiting on the subscription now (at most 100), acknowledged. */
	public List<Received> pull(String project, String subscription) throws IOException, InterruptedException {
		String path = "/v1/projects/" + project + "/subscriptions/" + subscription;
		HttpResponse<String> answer = send("POST", path + ":pull", "{\"returnImmediately\":true,\"maxMessages\":100}");
		expectOk(answer, "pull " + subscription);
		JsonNode received = JsonEvents.parse(answer.body().getBytes(StandardCharsets.UTF_8)).get("receivedMessages");
		List<Received> messages = new ArrayList<>();
		if (received == null) {
			return messages;
		}
		ObjectNode ack = JsonEvents.object();
		var ackIds = ack.putArray("ackIds");
		for (JsonNode one : received) {
			ackIds.add(one.get("ackId").asString());
			JsonNode message = one.get("message");
			Map<String, String> attributes = new LinkedHashMap<>();
			JsonNode given = message.get("attributes");
			if (given != null) {
				given.properties().forEach(e -> attributes.put(e.getKey(), e.getValue().asString()));
			}
			String data = JsonEvents.text(message, "data");
			messages.add(new Received(JsonEvents.text(message, "messageId"),
					data == null ? new byte[0] : Base64.getDecoder().decode(data), attributes, JsonEvents.text(message, "orderingKey")));
		}
		expectOk(send("POST", path + ":acknowledge", ack.toString()), "acknowledge on " + subscription);
		return messages;
	}

	/** Pulls until {@code count} messages came (or the time is up), then returns what came. */
	public List<Received> pull(String project, String subscription, int count, Duration limit) throws IOException, InterruptedException {
		List<Received> messages = new ArrayList<>();
		long deadline = System.nanoTime() + limit.toNanos();
		while (messages.size() < count && System.nanoTime() < deadline) {
			List<Received> now = pull(project, subscription);
			messages.addAll(now);
			if (now.isEmpty()) {
				Thread.sleep(50);
			}
		}
		return messages;
	}

	/** One message as a subscriber receives it. */
	public record Received(String messageId, byte[] data, Map<String, String> attributes, String orderingKey) {

		public String text() {
			return new String(data, StandardCharsets.UTF_8);
		}
	}

	public String log() {
		try {
			return Files.readString(log);
		}
		catch (IOException e) {
			return "(no log: " + e.getMessage() + ")";
		}
	}

	private HttpResponse<String> send(String method, String path, String json) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://" + host() + path)).timeout(Duration.ofSeconds(10));
		request.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
		if (json != null) {
			request.header("Content-Type", "application/json");
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static void expectOk(HttpResponse<String> answer, String what) {
		if (answer.statusCode() != 200) {
			throw new IllegalStateException("The emulator could not " + what + ": " + answer.statusCode() + " " + answer.body());
		}
	}

	@Override
	public void close() {
		// The bin script execs java, but a JVM it started is stopped too should a shell be left in between.
		process.descendants().forEach(ProcessHandle::destroy);
		process.destroy();
		try {
			if (!process.waitFor(10, TimeUnit.SECONDS)) {
				process.descendants().forEach(ProcessHandle::destroyForcibly);
				process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		try {
			Files.deleteIfExists(log);
		}
		catch (IOException ignored) {
			// a temp file
		}
	}
}
