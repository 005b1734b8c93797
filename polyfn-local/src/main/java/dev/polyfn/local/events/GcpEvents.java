package dev.polyfn.local.events;

import static dev.polyfn.local.events.Json.object;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

/**
 * Cloud Run functions (gen2) events as structured CloudEvents (the fixtures under shared/fixtures/gcp, from the
 * google-cloudevents and functions-framework-conformance repositories): Cloud Storage
 * {@code google.cloud.storage.object.v1.finalized} with StorageObjectData, and Pub/Sub
 * {@code google.cloud.pubsub.topic.v1.messagePublished} with MessagePublishedData (the message base64 in
 * {@code message.data}), which is also what queue and schedule triggers get: both arrive through a Pub/Sub topic.
 */
final class GcpEvents {

	private GcpEvents() {
	}

	static Map<String, Object> event(Trigger trigger, EventSettings s, String now) {
		return switch (trigger) {
			case STORAGE -> {
				String bucket = s.bucketOr("uploads");
				String name = s.keyOr("cat.png");
				yield object("specversion", "1.0", "type", "google.cloud.storage.object.v1.finalized", "source",
						"//storage.googleapis.com/projects/_/buckets/" + bucket, "subject", "objects/" + name, "id",
						UUID.randomUUID().toString(), "time", now, "datacontenttype", "application/json", "data",
						object("bucket", bucket, "contentType", s.contentTypeOr("image/png"), "generation", "1", "id",
								bucket + "/" + name + "/1", "kind", "storage#object", "metageneration", "1", "name", name,
								"size", "1024", "storageClass", "STANDARD", "timeCreated", now, "updated", now));
			}
			case QUEUE, PUBSUB, SCHEDULE -> {
				String topic = s.queueOr(trigger == Trigger.SCHEDULE ? s.scheduleOr("schedule") : "topic");
				yield object("specversion", "1.0", "type", "google.cloud.pubsub.topic.v1.messagePublished", "source",
						"//pubsub.googleapis.com/projects/polyfn-local/topics/" + topic, "id", UUID.randomUUID().toString(),
						"time", now, "datacontenttype", "application/json", "data",
						object("subscription", "projects/polyfn-local/subscriptions/" + topic + "-sub", "message",
								object("attributes", object(), "data", Base64.getEncoder()
									.encodeToString(s.bodyOr("{}").getBytes(StandardCharsets.UTF_8)), "messageId",
										UUID.randomUUID().toString(), "publishTime", now)));
			}
			case HTTP -> throw new IllegalArgumentException("A Cloud Run function's HTTP trigger is a plain HTTP request");
		};
	}

	static boolean isEvent(Map<?, ?> json) {
		return json.containsKey("specversion");
	}
}
