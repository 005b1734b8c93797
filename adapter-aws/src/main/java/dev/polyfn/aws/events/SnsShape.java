package dev.polyfn.aws.events;

import java.nio.charset.StandardCharsets;
import java.util.List;

import dev.polyfn.core.events.JsonEvents;
import dev.polyfn.core.model.PortableEvent;
import dev.polyfn.core.model.QueueMessage;
import tools.jackson.databind.JsonNode;

/** SNS: one notification per record (in practice always one); the function sees the message text. */
public class SnsShape extends EventShape {

	@Override
	public String name() {
		return "sns";
	}

	@Override
	public boolean matches(JsonNode event) {
		return firstRecordFrom(event, "EventSource", "aws:sns");
	}

	@Override
	public List<PortableEvent> toEvents(JsonNode event) {
		return records(event).stream().map(record -> toEvent(JsonEvents.at(record, "Sns"))).toList();
	}

	private static PortableEvent toEvent(JsonNode sns) {
		String id = JsonEvents.text(sns, "MessageId");
		String message = JsonEvents.text(sns, "Message");
		String topicArn = JsonEvents.text(sns, "TopicArn");
		QueueMessage payload = new QueueMessage(id, message,
				MessageAttributes.read(JsonEvents.at(sns, "MessageAttributes"), "Value"), 1, resourceName(topicArn));
		return PortableEvent.builder()
				.id(id)
				.source(topicArn)
				.type("aws.sns.notification")
				.subject(JsonEvents.text(sns, "Subject"))
				.time(JsonEvents.time(sns, "Timestamp"))
				.data(message == null ? null : message.getBytes(StandardCharsets.UTF_8))
				.payload(payload)
				.build();
	}
}
