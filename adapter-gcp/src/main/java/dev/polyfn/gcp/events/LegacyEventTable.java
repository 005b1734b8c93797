package dev.polyfn.gcp.events;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.polyfn.core.events.JsonEvents;
import dev.polyfn.core.model.MediaTypes;
import dev.polyfn.core.model.PortableEvent;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Legacy Cloud Functions background events (gen1 "event, context" payloads) turned into the CloudEvents Google
 * defines for the same trigger. One row per legacy event type, in the spirit of the Functions Framework's own
 * legacy-to-CloudEvent table: the CloudEvent type, the service that owns the resource, how the resource name
 * splits into CloudEvent {@code source} and {@code subject}, and how the data is reshaped (Pub/Sub only).
 *
 * <p>Two legacy envelopes exist and both are read: {@code {"context": {eventId, timestamp, eventType, resource},
 * "data": ...}} and the older flat form {@code {eventId, timestamp, eventType, resource, data}}. The resource is
 * either a plain name or an object {@code {service, name, type}}.
 */
public final class LegacyEventTable {

	static final String PUBSUB = "pubsub.googleapis.com";
	static final String STORAGE = "storage.googleapis.com";
	static final String FIRESTORE = "firestore.googleapis.com";
	static final String FIREBASE = "firebase.googleapis.com";
	static final String FIREBASE_AUTH = "firebaseauth.googleapis.com";
	static final String FIREBASE_DATABASE = "firebasedatabase.googleapis.com";

	static final String PUBSUB_PUBLISHED = "google.cloud.pubsub.topic.v1.messagePublished";

	/** One legacy event type and the CloudEvent it becomes. */
	record Row(String legacyType, String cloudEventType, String service, ResourceSplit split, DataShape shape) {
	}

	private static final List<Row> ROWS = List.of(
			new Row("google.pubsub.topic.publish", PUBSUB_PUBLISHED, PUBSUB, ResourceSplit.WHOLE, DataShape.PUBSUB_MESSAGE),
			new Row("providers/cloud.pubsub/eventTypes/topic.publish", PUBSUB_PUBLISHED, PUBSUB, ResourceSplit.WHOLE,
					DataShape.PUBSUB_MESSAGE),

			new Row("google.storage.object.finalize", "google.cloud.storage.object.v1.finalized", STORAGE,
					ResourceSplit.STORAGE_OBJECT, DataShape.AS_IS),
			new Row("google.storage.object.delete", "google.cloud.storage.object.v1.deleted", STORAGE,
					ResourceSplit.STORAGE_OBJECT, DataShape.AS_IS),
			new Row("google.storage.object.archive", "google.cloud.storage.object.v1.archived", STORAGE,
					ResourceSplit.STORAGE_OBJECT, DataShape.AS_IS),
			new Row("google.storage.object.metadataUpdate", "google.cloud.storage.object.v1.metadataUpdated", STORAGE,
					ResourceSplit.STORAGE_OBJECT, DataShape.AS_IS),
			new Row("providers/cloud.storage/eventTypes/object.change", "google.cloud.storage.object.v1.changed",
					STORAGE, ResourceSplit.STORAGE_OBJECT, DataShape.AS_IS),

			new Row("providers/cloud.firestore/eventTypes/document.write", "google.cloud.firestore.document.v1.written",
					FIRESTORE, ResourceSplit.DOCUMENT_PATH, DataShape.AS_IS),
			new Row("providers/cloud.firestore/eventTypes/document.create", "google.cloud.firestore.document.v1.created",
					FIRESTORE, ResourceSplit.DOCUMENT_PATH, DataShape.AS_IS),
			new Row("providers/cloud.firestore/eventTypes/document.update", "google.cloud.firestore.document.v1.updated",
					FIRESTORE, ResourceSplit.DOCUMENT_PATH, DataShape.AS_IS),
			new Row("providers/cloud.firestore/eventTypes/document.delete", "google.cloud.firestore.document.v1.deleted",
					FIRESTORE, ResourceSplit.DOCUMENT_PATH, DataShape.AS_IS),

			new Row("providers/firebase.auth/eventTypes/user.create", "google.firebase.auth.user.v1.created",
					FIREBASE_AUTH, ResourceSplit.AUTH_USER, DataShape.AUTH_METADATA),
			new Row("providers/firebase.auth/eventTypes/user.delete", "google.firebase.auth.user.v1.deleted",
					FIREBASE_AUTH, ResourceSplit.AUTH_USER, DataShape.AUTH_METADATA),
			new Row("providers/google.firebase.analytics/eventTypes/event.log", "google.firebase.analytics.log.v1.written",
					FIREBASE, ResourceSplit.DOCUMENT_PATH, DataShape.AS_IS),
			new Row("providers/google.firebase.database/eventTypes/ref.create",
					"google.firebase.database.document.v1.created", FIREBASE_DATABASE, ResourceSplit.DOCUMENT_PATH,
					DataShape.AS_IS),
			new Row("providers/google.firebase.database/eventTypes/ref.write",
					"google.firebase.database.document.v1.written", FIREBASE_DATABASE, ResourceSplit.DOCUMENT_PATH,
					DataShape.AS_IS),
			new Row("providers/google.firebase.database/eventTypes/ref.update",
					"google.firebase.database.document.v1.updated", FIREBASE_DATABASE, ResourceSplit.DOCUMENT_PATH,
					DataShape.AS_IS),
			new Row("providers/google.firebase.database/eventTypes/ref.delete",
					"google.firebase.database.document.v1.deleted", FIREBASE_DATABASE, ResourceSplit.DOCUMENT_PATH,
					DataShape.AS_IS));

	private static final Map<String, Row> BY_LEGACY_TYPE = index(ROWS);

	private LegacyEventTable() {
	}

	private static Map<String, Row> index(List<Row> rows) {
		Map<String, Row> index = new LinkedHashMap<>();
		rows.forEach(row -> index.put(row.legacyType(), row));
		return Map.copyOf(index);
	}

	/** The legacy event types this table converts. */
	public static List<String> legacyTypes() {
		return ROWS.stream().map(Row::legacyType).toList();
	}

	/**
	 * The CloudEvent a legacy event body stands for (data as the CloudEvent's JSON data, no typed payload yet), or
	 * null when the body is not a legacy event of a type in the table.
	 */
	public static PortableEvent toCloudEvent(JsonNode body) {
		if (body == null || !body.isObject()) {
			return null;
		}
		// {context, data}: the attributes sit in "context"; the flat form has them beside "data".
		JsonNode context = body.get("context") != null && body.get("context").isObject() ? body.get("context") : body;
		String legacyType = JsonEvents.text(context, "eventType");
		Row row = legacyType == null ? null : BY_LEGACY_TYPE.get(legacyType);
		if (row == null) {
			return null;
		}
		JsonNode resource = JsonEvents.at(context, "resource");
		String service = resource != null && resource.isObject() && JsonEvents.text(resource, "service") != null
				? JsonEvents.text(resource, "service") : row.service();
		String resourceName = resource == null ? "" : resource.isObject() ? JsonEvents.text(resource, "name")
				: resource.asString();
		JsonNode data = body.get("data");
		String[] sourceAndSubject = row.split().split(resourceName == null ? "" : resourceName, data);
		String eventId = JsonEvents.text(context, "eventId");
		String timestamp = JsonEvents.text(context, "timestamp");
		JsonNode shaped = row.shape().reshape(data, eventId, timestamp);
		return PortableEvent.builder()
				.id(eventId)
				.source("//" + service + "/" + sourceAndSubject[0])
				.type(row.cloudEventType())
				.subject(sourceAndSubject[1])
				.time(timestamp(timestamp))
				.dataContentType(MediaTypes.JSON)
				.data(shaped == null ? new byte[0] : JsonEvents.toBytes(shaped))
				.build();
	}

	/** How a legacy resource name becomes CloudEvent source (without {@code //service/}) and subject. */
	enum ResourceSplit {
		/** The whole name is the source (Pub/Sub topics). */
		WHOLE(null),
		/** {@code projects/_/buckets/b/objects/o#generation}: source is the bucket, subject the object. */
		STORAGE_OBJECT(Pattern.compile("^(projects/_/buckets/[^/]+)/(objects/.*?)(?:#\\d+)?$")),
		/** {@code projects/p/databases/d/documents/c/id}: source is the database, subject the document. */
		DOCUMENT_PATH(Pattern.compile("^(projects/.+)/((documents|refs)/.+)$")),
		/** Firebase Auth: the subject is the user, taken from the data's {@code uid}. */
		AUTH_USER(null);

		private final Pattern pattern;

		ResourceSplit(Pattern pattern) {
			this.pattern = pattern;
		}

		String[] split(String resourceName, JsonNode data) {
			if (this == AUTH_USER) {
				String uid = JsonEvents.text(data, "uid");
				return new String[] { resourceName, uid == null ? null : "users/" + uid };
			}
			if (pattern != null) {
				Matcher m = pattern.matcher(resourceName);
				if (m.matches()) {
					return new String[] { m.group(1), m.group(2) };
				}
			}
			return new String[] { resourceName, null };
		}
	}

	/** How legacy data becomes the CloudEvent's data. */
	enum DataShape {
		AS_IS,
		/**
		 * Legacy Pub/Sub data is the message itself; the CloudEvent wraps it as {@code {"message": ...}} and the
		 * message carries its id and publish time, which the legacy form kept in the context.
		 */
		PUBSUB_MESSAGE,
		/** Firebase Auth renamed two metadata fields between the legacy and the CloudEvent form. */
		AUTH_METADATA;

		JsonNode reshape(JsonNode data, String eventId, String timestamp) {
			if (data == null || !data.isObject() || this == AS_IS) {
				return data;
			}
			ObjectNode copy = ((ObjectNode) data).deepCopy();
			if (this == PUBSUB_MESSAGE) {
				if (!copy.has("messageId") && eventId != null) {
					copy.put("messageId", eventId);
				}
				if (!copy.has("publishTime") && timestamp != null) {
					copy.put("publishTime", timestamp);
				}
				ObjectNode wrapped = JsonEvents.object();
				wrapped.set("message", copy);
				return wrapped;
			}
			JsonNode metadata = copy.get("metadata");
			if (metadata instanceof ObjectNode meta) {
				rename(meta, "createdAt", "createTime");
				rename(meta, "lastSignedInAt", "lastSignInTime");
			}
			return copy;
		}

		private static void rename(ObjectNode node, String from, String to) {
			if (node.has(from)) {
				node.set(to, node.remove(from));
			}
		}
	}

	/** The legacy timestamp is RFC 3339; anything else is the caller's error, not the function's. */
	private static OffsetDateTime timestamp(String value) {
		if (value == null) {
			return null;
		}
		OffsetDateTime time = JsonEvents.time(value);
		if (time == null) {
			throw new dev.polyfn.core.invoke.FunctionFailure(
					dev.polyfn.core.invoke.FunctionError.invalidInput("The legacy event's timestamp is not RFC 3339"));
		}
		return time;
	}
}
