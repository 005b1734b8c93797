package dev.polyfn.aliyun.events;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.polyfn.core.events.JsonEvents;
import dev.polyfn.core.model.MediaTypes;
import dev.polyfn.core.model.PortableEvent;
import dev.polyfn.core.model.QueueMessage;
import tools.jackson.databind.JsonNode;

/**
 * MNS topic triggers in JSON format: the notification's fields ({@code TopicName}, {@code MessageId},
 * {@code Message}, ...) with the message attributes flattened in as further top-level keys.
 */
final class MnsTopicMessageShape implements FcEventShape {

	private static final Set<String> NOTIFICATION_FIELDS = Set.of("TopicOwner", "TopicName", "Subscriber",
			"SubscriptionName", "MessageId", "MessageMD5", "MessageTag", "Message", "PublishTime");

	@Override
	public boolean matches(JsonNode event) {
		return event.isObject() && event.has("TopicName") && event.has("MessageId") && event.has("Message");
	}

	@Override
	public FcEvent read(JsonNode event) {
		Map<String, String> attributes = new LinkedHashMap<>();
		event.properties().forEach(field -> {
			if (!NOTIFICATION_FIELDS.contains(field.getKey())) {
				attributes.put(field.getKey(), JsonEvents.text(event, field.getKey()));
			}
		});
		String topic = JsonEvents.text(event, "TopicName");
		String body = JsonEvents.text(event, "Message");
		QueueMessage message = new QueueMessage(JsonEvents.text(event, "MessageId"), body, attributes, 1, topic);
		PortableEvent portable = PortableEvent.builder()
				.id(message.id())
				.source("acs:mns:topics/" + topic)
				.type("mns:Topic:PublishMessage")
				.time(JsonEvents.time(event, "PublishTime"))
				.dataContentType(MediaTypes.TEXT_PLAIN_UTF8)
				.data(body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8))
				.payload(message)
				.build();
		return new FcEvent.Events("mns-topic", List.of(portable));
	}
}
