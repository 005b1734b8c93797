package dev.polyfn.azure.events;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.polyfn.core.events.JsonEvents;
import dev.polyfn.core.model.MediaTypes;
import dev.polyfn.core.model.PortableEvent;
import dev.polyfn.core.model.QueueMessage;

/**
 * A Storage queue message, as the queue trigger hands it over (the text and its trigger metadata), becomes a
 * portable event whose data is the message text and whose payload is a {@link QueueMessage}.
 */
public final class StorageQueueMessages {

	public static final String EVENT_TYPE = "Microsoft.Storage.QueueMessage";

	private StorageQueueMessages() {
	}

	/** The trigger metadata of one message, as the worker binds it by name. */
	public record Metadata(String id, long dequeueCount, String insertionTime, String expirationTime,
			String nextVisibleTime) {

		public Metadata {
			id = BindingValues.text(id);
			insertionTime = BindingValues.text(insertionTime);
			expirationTime = BindingValues.text(expirationTime);
			nextVisibleTime = BindingValues.text(nextVisibleTime);
		}
	}

	public static PortableEvent toEvent(String message, Metadata metadata, String queueName) {
		String body = message == null ? "" : message;
		Map<String, String> attributes = new LinkedHashMap<>();
		put(attributes, "insertionTime", metadata.insertionTime());
		put(attributes, "expirationTime", metadata.expirationTime());
		put(attributes, "nextVisibleTime", metadata.nextVisibleTime());
		int attempt = (int) Math.max(1, Math.min(Integer.MAX_VALUE, metadata.dequeueCount()));
		QueueMessage payload = new QueueMessage(metadata.id(), body, attributes, attempt, queueName);
		OffsetDateTime inserted = JsonEvents.time(metadata.insertionTime());
		return PortableEvent.builder()
				.id(metadata.id())
				.source(queueName == null ? "azure/storage/queues" : "azure/storage/queues/" + queueName)
				.type(EVENT_TYPE)
				.time(inserted)
				.dataContentType(looksLikeJson(body) ? MediaTypes.JSON : "text/plain;charset=UTF-8")
				.data(body)
				.payload(payload)
				.extension("dequeuecount", Long.toString(metadata.dequeueCount()))
				.build();
	}

	private static void put(Map<String, String> attributes, String name, String value) {
		if (value != null && !value.isBlank()) {
			attributes.put(name, value);
		}
	}

	private static boolean looksLikeJson(String body) {
		String trimmed = body.stripLeading();
		return trimmed.startsWith("{") || trimmed.startsWith("[");
	}
}
