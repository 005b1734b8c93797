package dev.polyfn.aws.events;

import java.nio.charset.StandardCharsets;
import java.util.List;

import dev.polyfn.core.events.JsonEvents;
import dev.polyfn.core.invoke.BatchOutcome;
import dev.polyfn.core.model.PortableEvent;
import dev.polyfn.core.model.QueueMessage;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * SQS: each record is one message; the function runs per message and the response lists the failed ones
 * in {@code batchItemFailures} ({@code itemIdentifier} = messageId), so SQS retries exactly those and deletes
 * the rest. This needs {@code ReportBatchItemFailures} on the event source mapping (the generated
 * template.yaml sets it): without it Lambda ignores the list and deletes the whole batch.
 */
public class SqsShape extends EventShape {

	@Override
	public String name() {
		return "sqs";
	}

	@Override
	public boolean matches(JsonNode event) {
		return firstRecordFrom(event, "eventSource", "aws:sqs");
	}

	@Override
	public List<PortableEvent> toEvents(JsonNode event) {
		return records(event).stream().map(SqsShape::toEvent).toList();
	}

	private static PortableEvent toEvent(JsonNode record) {
		String id = JsonEvents.text(record, "messageId");
		String body = JsonEvents.text(record, "body");
		String queueArn = JsonEvents.text(record, "eventSourceARN");
		Long receiveCount = JsonEvents.longValue(record, "attributes", "ApproximateReceiveCount");
		QueueMessage message = new QueueMessage(id, body, MessageAttributes.read(JsonEvents.at(record, "messageAttributes"), "stringValue"),
				receiveCount == null ? 1 : receiveCount.intValue(), resourceName(queueArn));
		return PortableEvent.builder()
				.id(id)
				.source(queueArn)
				.type("aws.sqs.message")
				.time(JsonEvents.time(record, "attributes", "SentTimestamp"))
				.data(body == null ? null : body.getBytes(StandardCharsets.UTF_8))
				.payload(message)
				.build();
	}

	/** Never throws for a failed message: the failures go back to SQS one by one. */
	@Override
	protected byte[] respond(BatchOutcome outcome) {
		ObjectNode response = JsonEvents.object();
		ArrayNode failures = response.putArray("batchItemFailures");
		outcome.failedEventIds().forEach(id -> failures.addObject().put("itemIdentifier", id));
		return JsonEvents.toBytes(response);
	}
}
