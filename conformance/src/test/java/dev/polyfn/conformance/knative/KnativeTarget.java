package dev.polyfn.conformance.knative;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.polyfn.conformance.HttpAnswer;
import dev.polyfn.conformance.HttpCall;
import dev.polyfn.conformance.Target;
import dev.polyfn.conformance.web.WebAppTarget;
import dev.polyfn.core.events.JsonEvents;
import dev.polyfn.core.model.Headers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Knative: the container package's web app as Knative Serving runs it (plain HTTP straight to it, so the HTTP cases
 * go to the same running web app the web target starts) and as Knative Eventing feeds it: every event is one HTTP
 * POST of a CloudEvent to {@code /<function>}, in binary or structured mode (knative/specs
 * specs/eventing/data-plane.md, read 2026-12-06). The timer is a PingSource tick
 * ({@code dev.knative.sources.ping}, its {@code data} set to the schedule's name) in structured mode; the queue is one
 * KafkaSource record per request ({@code dev.knative.kafka.event}) in binary mode. Knative has no storage source of its
 * own: the storage event is the portable object event a bridge publishes, in binary mode. The answer is the reply
 * event's data.
 */
public final class KnativeTarget implements Target.Http, Target.Events {

	private static final HttpClient CLIENT = HttpClient.newHttpClient();

	@Override
	public String name() {
		return "Knative (HTTP + CloudEvents)";
	}

	@Override
	public HttpAnswer call(HttpCall call) throws Exception {
		return new WebAppTarget().call(call);
	}

	@Override
	public String storageObjectCreated(String bucket, String key, String contentType) throws Exception {
		ObjectNode object = JsonEvents.object().put("bucket", bucket).put("key", key).put("contentType", contentType)
			.put("action", "CREATED");
		HttpResponse<byte[]> reply = binary("planThumbnail", "storage-" + key.hashCode(), "dev.polyfn.storage.object.created",
				"/buckets/" + bucket, JsonEvents.toBytes(object));
		return replyData(reply);
	}

	@Override
	public String timerFired(String scheduleName) throws Exception {
		ObjectNode event = JsonEvents.object().put("specversion", "1.0").put("id", "ping-" + System.nanoTime())
			.put("type", "dev.knative.sources.ping").put("source", "/apis/v1/namespaces/default/pingsources/" + scheduleName)
			.put("datacontenttype", "application/json");
		event.putObject("data").put("schedule", scheduleName);
		HttpResponse<byte[]> reply = CLIENT.send(HttpRequest.newBuilder(URI.create(WebAppTarget.base() + "/cleanupExpired"))
			.header("Content-Type", "application/cloudevents+json; charset=utf-8")
			.POST(HttpRequest.BodyPublishers.ofByteArray(JsonEvents.toBytes(event))).build(), HttpResponse.BodyHandlers.ofByteArray());
		return replyData(reply);
	}

	/**
	 * Each record is its own delivery. One that does not complete (any status but 2xx) comes back: retried when the
	 * data-plane table says so (5xx, 404, 409, 429), else, as for the bad order's 422, handed to the Trigger's
	 * {@code deadLetterSink} (knative/specs control-plane.md, "Event Delivery"): a message that can never succeed is
	 * delivered once more, to the dead-letter sink, rather than retried forever or lost.
	 */
	@Override
	public QueueOutcome queueBatch(List<String> bodies) throws Exception {
		Set<Integer> redelivered = new LinkedHashSet<>();
		for (int i = 0; i < bodies.size(); i++) {
			HttpResponse<byte[]> reply = binary("processOrder", "orders-0-" + i, "dev.knative.kafka.event",
					"/apis/v1/namespaces/default/kafkasources/orders#orders", bodies.get(i).getBytes(StandardCharsets.UTF_8));
			if (reply.statusCode() < 200 || reply.statusCode() >= 300) {
				redelivered.add(i);
			}
		}
		return new QueueOutcome(redelivered, true);
	}

	private static HttpResponse<byte[]> binary(String function, String id, String type, String source, byte[] data)
			throws Exception {
		return CLIENT.send(HttpRequest.newBuilder(URI.create(WebAppTarget.base() + "/" + function))
			.header("Ce-Id", id).header("Ce-Specversion", "1.0").header("Ce-Type", type).header("Ce-Source", source)
			.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(data)).build(),
				HttpResponse.BodyHandlers.ofByteArray());
	}

	/** The reply event's data: the body in binary mode, the {@code data} member in structured mode. */
	private static String replyData(HttpResponse<byte[]> reply) {
		if (reply.statusCode() != 200) {
			throw new AssertionError("the function answered " + reply.statusCode() + ": " + new String(reply.body(), StandardCharsets.UTF_8));
		}
		Headers headers = Headers.of(reply.headers().map());
		String type = headers.first("Content-Type");
		if (type != null && type.startsWith("application/cloudevents+json")) {
			JsonNode event = JsonEvents.parse(reply.body());
			if (!event.path("type").asString().endsWith(".result")) {
				throw new AssertionError("not a reply event: " + event);
			}
			return new String(JsonEvents.toBytes(event.get("data")), StandardCharsets.UTF_8);
		}
		if (headers.first("ce-id") == null || !headers.first("ce-type").endsWith(".result")) {
			throw new AssertionError("the reply carries no binary-mode event: " + headers.toMap());
		}
		return new String(reply.body(), StandardCharsets.UTF_8);
	}
}
