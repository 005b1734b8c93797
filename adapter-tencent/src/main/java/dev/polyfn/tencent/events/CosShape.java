package dev.polyfn.tencent.events;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.polyfn.core.deploy.FunctionDeployment;
import dev.polyfn.core.events.JsonEvents;
import dev.polyfn.core.model.PortableEvent;
import dev.polyfn.core.model.StorageObjectEvent;
import tools.jackson.databind.JsonNode;

/**
 * COS notification: {@code Records[].cos} (object, bucket) with {@code Records[].event} (name, epoch-second
 * time). COS writes the key as {@code /<appid>/<bucket>/<key>}, URL-encoded; functions get the bare key.
 */
final class CosShape implements EventShape {

	@Override
	public String name() {
		return "COS";
	}

	@Override
	public boolean matches(JsonNode event) {
		return Records.firstHas(event, "cos");
	}

	@Override
	public NormalisedEvent normalise(JsonNode event) {
		List<PortableEvent> events = new ArrayList<>();
		String bucketName = null;
		for (JsonNode record : Records.all(event)) {
			String name = JsonEvents.text(record, "cos", "cosBucket", "name");
			String appId = JsonEvents.text(record, "cos", "cosBucket", "appid");
			String bucket = appId == null || appId.isBlank() ? name : name + "-" + appId;
			String key = bareKey(JsonEvents.text(record, "cos", "cosObject", "key"), appId, name);
			String eventName = JsonEvents.text(record, "event", "eventName");
			String contentType = JsonEvents.text(record, "cos", "cosObject", "meta", "Content-Type");
			StorageObjectEvent object = new StorageObjectEvent(bucket, key,
					JsonEvents.longValue(record, "cos", "cosObject", "size"), null,
					contentType == null || contentType.isBlank() ? null : contentType, action(eventName),
					JsonEvents.time(record, "event", "eventTime"));
			String requestId = JsonEvents.text(record, "cos", "cosObject", "meta", "x-cos-request-id");
			if (requestId == null) {
				requestId = JsonEvents.text(record, "event", "reqid");
			}
			events.add(PortableEvent.builder()
					.id(requestId == null ? null : requestId + ":" + key)
					.source("qcs::cos:" + JsonEvents.text(record, "cos", "cosBucket", "region") + ":" + bucket)
					.type("com.tencent.cos." + (eventName == null ? "event" : eventName.replace("cos:", "").strip()))
					.subject(key)
					.time(object.time())
					.dataContentType("application/json")
					.data(JsonEvents.toBytes(record))
					.payload(object)
					.build());
			bucketName = bucketName == null ? name : bucketName;
		}
		return new NormalisedEvent.EventBatch(FunctionDeployment.Trigger.STORAGE, bucketName, "COS record", events);
	}

	static StorageObjectEvent.Action action(String eventName) {
		String name = eventName == null ? "" : eventName.toLowerCase(Locale.ROOT);
		return name.contains("remove") || name.contains("delete") ? StorageObjectEvent.Action.DELETED
				: StorageObjectEvent.Action.CREATED;
	}

	/** {@code /1253970026/testpic/photos/a%20b.png} becomes {@code photos/a b.png}. */
	static String bareKey(String key, String appId, String bucketName) {
		if (key == null) {
			return null;
		}
		String prefix = "/" + appId + "/" + bucketName + "/";
		String bare = key.startsWith(prefix) ? key.substring(prefix.length())
				: key.startsWith("/") ? key.substring(1) : key;
		// '+' is a legal key character, not an encoded space: decode percent escapes only.
		return URLDecoder.decode(bare.replace("+", "%2B"), StandardCharsets.UTF_8);
	}
}
