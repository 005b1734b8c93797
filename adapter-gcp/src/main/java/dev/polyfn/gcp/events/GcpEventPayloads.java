package dev.polyfn.gcp.events;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import dev.polyfn.core.events.JsonEvents;
import dev.polyfn.core.model.MediaTypes;
import dev.polyfn.core.model.PortableEvent;
import dev.polyfn.core.model.QueueMessage;
import dev.polyfn.core.model.ScheduledTick;
import dev.polyfn.core.model.StorageObjectEvent;
import tools.jackson.databind.JsonNode;

/**
 * Gives a Google CloudEvent its portable typed payload, by event type: Cloud Storage object events become
 * {@link StorageObjectEvent}, Pub/Sub messages become {@link QueueMessage} with the message body (base64
 * {@code message.data}, decoded) as the event's data, a Cloud Scheduler tick published to Pub/Sub becomes
 * {@link ScheduledTick}. Any other type (Firestore, Firebase, Audit Log...) passes with its data as sent.
 */
public final class GcpEventPayloads {

	/** Message attribute the generated Cloud Scheduler jobs set, so a tick reaches the function as a tick. */
	public static final String SCHEDULE_ATTRIBUTE = "polyfn-schedule";

	private record Row(String cloudEventType, UnaryOperator<PortableEvent> mapper) {
	}

	private static final List<Row> ROWS = List.of(
			new Row("google.cloud.storage.object.v1.finalized", e -> storage(e, StorageObjectEvent.Action.CREATED)),
			// Metadata changes re-announce an object that exists; the exact type stays in event.type().
			new Row("google.cloud.storage.object.v1.metadataUpdated", e -> storage(e, StorageObjectEvent.Action.CREATED)),
			new Row("google.cloud.storage.object.v1.deleted", e -> storage(e, StorageObjectEvent.Action.DELETED)),
			// Archived: the live version became noncurrent (versioned bucket), so it is gone from the live view.
			new Row("google.cloud.storage.object.v1.archived", e -> storage(e, StorageObjectEvent.Action.DELETED)),
			new Row(LegacyEventTable.PUBSUB_PUBLISHED, GcpEventPayloads::pubsub));

	private static final Map<String, UnaryOperator<PortableEvent>> BY_TYPE = index();

	private GcpEventPayloads() {
	}

	private static Map<String, UnaryOperator<PortableEvent>> index() {
		Map<String, UnaryOperator<PortableEvent>> index = new LinkedHashMap<>();
		ROWS.forEach(row -> index.put(row.cloudEventType(), row.mapper()));
		return Map.copyOf(index);
	}

	/** The event as the function sees it: typed payload added, data decoded where the type calls for it. */
	public static PortableEvent withPayload(PortableEvent cloudEvent) {
		UnaryOperator<PortableEvent> mapper = BY_TYPE.get(cloudEvent.type());
		return mapper == null ? cloudEvent : mapper.apply(cloudEvent);
	}

	private static PortableEvent storage(PortableEvent event, StorageObjectEvent.Action action) {
		JsonNode object = JsonEvents.parse(event.data());
		StorageObjectEvent payload = new StorageObjectEvent(JsonEvents.text(object, "bucket"),
				JsonEvents.text(object, "name"), JsonEvents.longValue(object, "size"), JsonEvents.text(object, "etag"),
				JsonEvents.text(object, "contentType"), action,
				event.time() != null ? event.time() : JsonEvents.time(object, "updated"));
		return event.toBuilder().payload(payload).build();
	}

	private static PortableEvent pubsub(PortableEvent event) {
		JsonNode envelope = JsonEvents.parse(event.data());
		JsonNode message = JsonEvents.at(envelope, "message");
		byte[] body = JsonEvents.base64(JsonEvents.text(message, "data"), "message.data");
		Map<String, String> attributes = new LinkedHashMap<>();
		JsonNode attributeNode = JsonEvents.at(message, "attributes");
		if (attributeNode != null) {
			attributeNode.properties().forEach(a -> attributes.put(a.getKey(), a.getValue().asString()));
		}
		String text = new String(body, StandardCharsets.UTF_8);
		Object payload;
		if (attributes.containsKey(SCHEDULE_ATTRIBUTE)) {
			payload = new ScheduledTick(attributes.get(SCHEDULE_ATTRIBUTE),
					event.time() != null ? event.time() : JsonEvents.time(message, "publishTime"),
					text.isEmpty() ? null : text, false);
		}
		else {
			Long attempt = JsonEvents.longValue(envelope, "deliveryAttempt");
			payload = new QueueMessage(JsonEvents.text(message, "messageId"), text, attributes,
					attempt == null ? 1 : attempt.intValue(), topic(event.source()));
		}
		return event.toBuilder().data(body).dataContentType(looksLikeJson(body) ? MediaTypes.JSON : null)
				.payload(payload).build();
	}

	/** {@code //pubsub.googleapis.com/projects/p/topics/t} names the topic {@code projects/p/topics/t}. */
	private static String topic(String source) {
		String prefix = "//" + LegacyEventTable.PUBSUB + "/";
		return source != null && source.startsWith(prefix) ? source.substring(prefix.length()) : source;
	}

	/** Pub/Sub messages carry no content type; JSON is recognised so JSON-reading functions get it as such. */
	private static boolean looksLikeJson(byte[] body) {
		for (byte b : body) {
			if (!Character.isWhitespace(b)) {
				return b == '{' || b == '[';
			}
		}
		return false;
	}
}
