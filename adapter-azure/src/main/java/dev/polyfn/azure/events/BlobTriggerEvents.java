package dev.polyfn.azure.events;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;

import dev.polyfn.core.events.JsonEvents;
import dev.polyfn.core.model.PortableEvent;
import dev.polyfn.core.model.StorageObjectEvent;
import tools.jackson.databind.JsonNode;

/**
 * A new or updated blob, as the blob trigger hands it over (its bytes, its path {@code container/name} and its
 * properties JSON), becomes a portable event whose data is the blob and whose payload is a
 * {@link StorageObjectEvent}. Properties are read in either casing: the trigger metadata uses .NET names
 * ({@code ContentType}, {@code ContentLength}, {@code ETag}, {@code LastModified}), Event Grid's blob events
 * camelCase ones. An ETag that is not a plain value (the blob trigger's {@code "ETag":{}}) is left out.
 */
public final class BlobTriggerEvents {

	public static final String EVENT_TYPE = "Microsoft.Storage.BlobCreated";

	private BlobTriggerEvents() {
	}

	public static PortableEvent toEvent(byte[] content, String blobPath, String propertiesJson) {
		byte[] data = content == null ? new byte[0] : content;
		String bound = BindingValues.text(blobPath);
		String path = bound == null ? "" : bound.replaceFirst("^/+", "");
		int slash = path.indexOf('/');
		String container = slash < 0 ? path : path.substring(0, slash);
		String name = slash < 0 ? "" : path.substring(slash + 1);
		JsonNode properties = propertiesJson == null || propertiesJson.isBlank() ? null
				: JsonEvents.parse(propertiesJson.getBytes(StandardCharsets.UTF_8));
		String contentType = field(properties, "ContentType", "contentType");
		String etag = field(properties, "ETag", "eTag");
		OffsetDateTime modified = JsonEvents.time(field(properties, "LastModified", "lastModified"));
		Long size = properties == null ? null : JsonEvents.longValue(properties, "ContentLength");
		if (size == null && properties != null) {
			size = JsonEvents.longValue(properties, "contentLength");
		}
		if (size == null) {
			size = (long) data.length;
		}
		StorageObjectEvent payload = new StorageObjectEvent(container, name, size, etag, contentType,
				StorageObjectEvent.Action.CREATED, modified);
		return PortableEvent.builder()
				.id(etag == null ? null : path + "@" + etag)
				.source("azure/storage/blobs/" + container)
				.type(EVENT_TYPE)
				.subject(name)
				.time(modified)
				.dataContentType(contentType == null ? "application/octet-stream" : contentType)
				.data(data)
				.payload(payload)
				.build();
	}

	private static String field(JsonNode node, String... names) {
		if (node == null) {
			return null;
		}
		for (String name : names) {
			// Only plain values: the host sends an Azure.ETag struct, which has no public properties, as {}.
			JsonNode value = JsonEvents.at(node, name);
			if (value != null && value.isValueNode() && !value.isNull() && !value.asString().isBlank()) {
				return value.asString();
			}
		}
		return null;
	}
}
