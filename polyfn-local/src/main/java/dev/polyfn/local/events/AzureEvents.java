package dev.polyfn.local.events;

import static dev.polyfn.local.events.Json.object;

import java.util.Map;
import java.util.UUID;

import dev.polyfn.local.MiniJson;

/**
 * Azure Functions invocations in the shape the Functions host sends to a worker ({@code {"Data":{<binding>:...},
 * "Metadata":{...}}}, as "Azure Functions custom handlers" documents the request; fixtures under
 * shared/fixtures/azure): an HTTP request (binding {@code request}), a Storage queue message with its metadata
 * (binding {@code message}), a blob with {@code BlobTrigger} and {@code Properties} (binding {@code content}),
 * and the timer's TimerInfo JSON (binding {@code timerInfo}). Azure has no pub/sub trigger in polyfn's
 * packaging: pub/sub is sent as a queue message. The binding names are those of polyfn's Azure entry points.
 */
final class AzureEvents {

	private AzureEvents() {
	}

	static Map<String, Object> event(Trigger trigger, EventSettings s, String now) {
		return switch (trigger) {
			case HTTP -> object("Data", object("request", object("Url", "http://localhost:7071/api/" + s.functionOr(""),
					"Method", "POST", "Query", object(), "Headers", object("Content-Type",
							java.util.List.of(s.contentTypeOr("application/json"))),
					"Params", object(), "Body", s.bodyOr(""))), "Metadata", object());
			case QUEUE, PUBSUB -> object("Data", object("message", s.bodyOr("{}")), "Metadata", object("DequeueCount", 1,
					"ExpirationTime", now, "Id", UUID.randomUUID().toString(), "InsertionTime", now, "NextVisibleTime",
					now, "PopReceipt", "AgAAAAMAAAAAAAAAAgtnj8x+1QE=", "QueueName", s.queueOr("queue")));
			case STORAGE -> object("Data", object("content", s.bodyOr("")), "Metadata", object("BlobTrigger",
					s.bucketOr("uploads") + "/" + s.keyOr("cat.png"), "name", s.keyOr("cat.png"), "Uri",
					"https://polyfnlocal.blob.core.windows.net/" + s.bucketOr("uploads") + "/" + s.keyOr("cat.png"),
					"Properties", MiniJson.write(object("ContentType", s.contentTypeOr("image/png"), "ContentLength",
							s.bodyOr("").length(), "ETag", "\"0x8D4E44A24ABE7F1\"", "LastModified", now))));
			case SCHEDULE -> object("Data", object("timerInfo", MiniJson.write(object("Schedule",
					object("AdjustForDST", true), "ScheduleStatus", object("Last", now, "LastUpdated", now, "Next", now),
					"IsPastDue", false))), "Metadata", object());
		};
	}

	static boolean isEvent(Map<?, ?> json) {
		return json.containsKey("Data") && json.containsKey("Metadata");
	}
}
