package dev.polyfn.aws.events;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import dev.polyfn.core.events.JsonEvents;
import dev.polyfn.core.model.MediaTypes;
import dev.polyfn.core.model.PortableEvent;
import dev.polyfn.core.model.StorageObjectEvent;
import tools.jackson.databind.JsonNode;

/**
 * S3 event notifications. S3 sends object keys URL-encoded the form way ({@code Happy%20Face.jpg},
 * {@code my+file.txt} for a space), so the key is decoded with '+' as a space before it reaches the function.
 */
public class S3Shape extends EventShape {

	@Override
	public String name() {
		return "s3";
	}

	@Override
	public boolean matches(JsonNode event) {
		return firstRecordFrom(event, "eventSource", "aws:s3");
	}

	@Override
	public List<PortableEvent> toEvents(JsonNode event) {
		return records(event).stream().map(S3Shape::toEvent).toList();
	}

	private static PortableEvent toEvent(JsonNode record) {
		String bucket = JsonEvents.text(record, "s3", "bucket", "name");
		String key = decodeKey(JsonEvents.text(record, "s3", "object", "key"));
		String eventName = JsonEvents.text(record, "eventName");
		StorageObjectEvent object = new StorageObjectEvent(bucket, key, JsonEvents.longValue(record, "s3", "object", "size"),
				JsonEvents.text(record, "s3", "object", "eTag"), null,
				eventName != null && eventName.startsWith("ObjectRemoved") ? StorageObjectEvent.Action.DELETED
						: StorageObjectEvent.Action.CREATED,
				JsonEvents.time(record, "eventTime"));
		String sequencer = JsonEvents.text(record, "s3", "object", "sequencer");
		return PortableEvent.builder()
				.id(bucket + "/" + key + (sequencer == null ? "" : "@" + sequencer))
				.source(JsonEvents.text(record, "s3", "bucket", "arn"))
				.type("aws.s3." + eventName)
				.subject(key)
				.time(object.time())
				.dataContentType(MediaTypes.JSON)
				.data(JsonEvents.toBytes(record))
				.payload(object)
				.build();
	}

	static String decodeKey(String key) {
		return key == null ? null : URLDecoder.decode(key, StandardCharsets.UTF_8);
	}
}
