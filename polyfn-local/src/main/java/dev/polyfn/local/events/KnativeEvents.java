package dev.polyfn.local.events;

import static dev.polyfn.local.events.Json.object;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import dev.polyfn.local.MiniJson;

/**
 * Knative Eventing's CloudEvents for the container target, one row per trigger with the type and source of the
 * Knative source that delivers it (knative/specs specs/eventing/data-plane.md, read 2026-12-06; the sources' types
 * as knative.dev documents them): a queue or topic message from a KafkaSource ({@code dev.knative.kafka.event},
 * the record's value as the data), a schedule from a PingSource ({@code dev.knative.sources.ping}, its data), a
 * storage object as polyfn's portable {@code dev.polyfn.storage.object.created} (Knative has no storage source of
 * its own; the bucket's notification is bridged by whatever sends it). {@link SampleEvents} writes them in
 * structured mode (one JSON document, what {@code polyfn:event} saves); {@link #binaryMode} turns one into the
 * binary-mode HTTP request a Broker's Trigger delivers: the attributes as {@code ce-*} headers, the data as the body.
 */
public final class KnativeEvents {

	/** A binary-mode request: the headers ({@code ce-*} and Content-Type) and the body. */
	public record BinaryRequest(Map<String, String> headers, byte[] body) {
	}

	private KnativeEvents() {
	}

	static Map<String, Object> event(Trigger trigger, EventSettings s, String now) {
		return switch (trigger) {
			case STORAGE -> {
				String bucket = s.bucketOr("uploads");
				String key = s.keyOr("cat.png");
				yield withData(object("specversion", "1.0", "id", UUID.randomUUID().toString(), "type",
						"dev.polyfn.storage.object.created", "source", "/buckets/" + bucket, "subject", key, "time", now),
						MiniJson.write(object("bucket", bucket, "key", key, "contentType", s.contentTypeOr("image/png"),
								"action", "CREATED")));
			}
			case QUEUE, PUBSUB -> {
				String topic = s.queueOr(trigger == Trigger.QUEUE ? "orders" : "topic");
				yield withData(object("specversion", "1.0", "id", topic + "-0-" + System.nanoTime() % 1000, "type",
						"dev.knative.kafka.event", "source", "/apis/v1/namespaces/default/kafkasources/" + topic + "#" + topic,
						"subject", "partition:0#0", "time", now), s.bodyOr("{}"));
			}
			case SCHEDULE -> withData(object("specversion", "1.0", "id", UUID.randomUUID().toString(), "type",
					"dev.knative.sources.ping", "source", "/apis/v1/namespaces/default/pingsources/" + s.scheduleOr("schedule"),
					"time", now), s.bodyOr("{}"));
			case HTTP -> throw new IllegalArgumentException("A Knative service's HTTP trigger is a plain HTTP request");
		};
	}

	/** The data as JSON where it is JSON, else as text. */
	private static Map<String, Object> withData(Map<String, Object> event, String data) {
		boolean json;
		Object parsed = null;
		try {
			parsed = MiniJson.parse(data);
			json = true;
		}
		catch (IllegalArgumentException notJson) {
			json = false;
		}
		event.put("datacontenttype", json ? "application/json" : "text/plain; charset=utf-8");
		event.put("data", json ? parsed : data);
		return event;
	}

	/** A structured-mode CloudEvent (JSON text) as the binary-mode request that delivers it. */
	public static BinaryRequest binaryMode(String structured) {
		if (!(MiniJson.parse(structured) instanceof Map<?, ?> event) || !event.containsKey("specversion")) {
			throw new IllegalArgumentException("Not a structured-mode CloudEvent (no specversion): " + structured);
		}
		Map<String, String> headers = new LinkedHashMap<>();
		byte[] body = new byte[0];
		String contentType = null;
		for (Map.Entry<?, ?> attribute : event.entrySet()) {
			String name = String.valueOf(attribute.getKey());
			Object value = attribute.getValue();
			switch (name) {
				case "data" -> body = (value instanceof String text ? text : MiniJson.write(value)).getBytes(StandardCharsets.UTF_8);
				case "data_base64" -> body = Base64.getDecoder().decode(String.valueOf(value));
				case "datacontenttype" -> contentType = String.valueOf(value);
				default -> headers.put("ce-" + name, String.valueOf(value));
			}
		}
		headers.put("Content-Type", contentType != null ? contentType : "application/json");
		return new BinaryRequest(headers, body);
	}
}
