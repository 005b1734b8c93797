package dev.polyfn.aliyun.events;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.polyfn.core.events.JsonEvents;
import dev.polyfn.core.model.MediaTypes;
import dev.polyfn.core.model.PortableEvent;
import dev.polyfn.core.model.QueueMessage;
import dev.polyfn.core.model.RandomIds;
import tools.jackson.databind.JsonNode;

/**
 * MNS topic triggers in STREAM format when the message has attributes: {@code {"body":"...","attrs":{...}}}.
 * Without attributes the STREAM format is the bare message body, which the raw fallback already passes on.
 */
final class MnsStreamMessageShape implements FcEventShape {

	@Override
	public boolean matches(JsonNode event) {
		return event.isObject() && event.size() == 2 && event.has("body") && event.get("body").isString()
				&& JsonEvents.at(event, "attrs") != null && event.get("attrs").isObject();
	}

	@Override
	public FcEvent read(JsonNode event) {
		Map<String, String> attributes = new LinkedHashMap<>();
		JsonNode attrs = event.get("attrs");
		attrs.properties().forEach(attr -> attributes.put(attr.getKey(), JsonEvents.text(attrs, attr.getKey())));
		String body = event.get("body").asString();
		// The stream format carries no message id; the event id stands in so failures can still be named.
		String id = RandomIds.next();
		PortableEvent portable = PortableEvent.builder()
				.id(id)
				.source("acs:mns")
				.type("mns:Topic:PublishMessage")
				.dataContentType(MediaTypes.TEXT_PLAIN_UTF8)
				.data(body.getBytes(StandardCharsets.UTF_8))
				.payload(new QueueMessage(id, body, attributes, 1, null))
				.build();
		return new FcEvent.Events("mns-topic", List.of(portable));
	}
}
