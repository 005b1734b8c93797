package dev.polyfn.aliyun.events;

import java.util.ArrayList;
import java.util.List;

import dev.polyfn.core.events.JsonEvents;
import dev.polyfn.core.invoke.FunctionError;
import dev.polyfn.core.invoke.FunctionFailure;
import dev.polyfn.core.model.MediaTypes;
import dev.polyfn.core.model.PortableEvent;
import dev.polyfn.core.model.QueryString;
import dev.polyfn.core.model.StorageObjectEvent;
import tools.jackson.databind.JsonNode;

/** OSS triggers: {@code {"events":[{"eventName":"ObjectCreated:PutObject","oss":{...}}]}} (not {@code Records}). */
final class OssEventShape implements FcEventShape {

	@Override
	public boolean matches(JsonNode event) {
		JsonNode records = JsonEvents.at(event, "events");
		return records != null && records.isArray() && !records.isEmpty()
				&& "acs:oss".equals(JsonEvents.text(records.get(0), "eventSource"));
	}

	@Override
	public FcEvent read(JsonNode event) {
		List<PortableEvent> events = new ArrayList<>();
		for (JsonNode record : JsonEvents.at(event, "events")) {
			events.add(toEvent(record));
		}
		return new FcEvent.Events("oss", events);
	}

	private static PortableEvent toEvent(JsonNode record) {
		String bucket = JsonEvents.text(record, "oss", "bucket", "name");
		String rawKey = JsonEvents.text(record, "oss", "object", "key");
		if (bucket == null || rawKey == null) {
			throw new FunctionFailure(FunctionError.invalidInput("The OSS event names no bucket or object key"));
		}
		String eventName = JsonEvents.text(record, "eventName");
		// OSS URL-encodes object keys in notifications, as S3 does.
		String key = QueryString.decode(rawKey);
		StorageObjectEvent object = new StorageObjectEvent(bucket, key, JsonEvents.longValue(record, "oss", "object", "size"),
				JsonEvents.text(record, "oss", "object", "eTag"), null,
				eventName != null && eventName.startsWith("ObjectRemoved") ? StorageObjectEvent.Action.DELETED
						: StorageObjectEvent.Action.CREATED,
				JsonEvents.time(record, "eventTime"));
		String arn = JsonEvents.text(record, "oss", "bucket", "arn");
		return PortableEvent.builder()
				.id(JsonEvents.text(record, "responseElements", "requestId"))
				.source(arn != null ? arn : "acs:oss:" + bucket)
				.type("oss:" + (eventName == null ? "ObjectCreated" : eventName))
				.subject(key)
				.time(object.time())
				.dataContentType(MediaTypes.JSON)
				.data(JsonEvents.toBytes(record))
				.payload(object)
				.build();
	}
}
