package dev.polyfn.aws.events;

import java.util.List;

import dev.polyfn.core.events.JsonEvents;
import dev.polyfn.core.model.PortableEvent;
import tools.jackson.databind.JsonNode;

/**
 * Kinesis Data Streams: one event per record, its {@code data} base64-decoded (invalid base64 fails the
 * invocation with 400, so the batch is retried rather than passed on garbled).
 */
public class KinesisShape extends EventShape {

	@Override
	public String name() {
		return "kinesis";
	}

	@Override
	public boolean matches(JsonNode event) {
		return firstRecordFrom(event, "eventSource", "aws:kinesis");
	}

	@Override
	public List<PortableEvent> toEvents(JsonNode event) {
		return records(event).stream().map(KinesisShape::toEvent).toList();
	}

	private static PortableEvent toEvent(JsonNode record) {
		String id = JsonEvents.text(record, "eventID");
		return PortableEvent.builder()
				.id(id)
				.source(JsonEvents.text(record, "eventSourceARN"))
				.type("aws.kinesis.record")
				.subject(JsonEvents.text(record, "kinesis", "partitionKey"))
				.time(JsonEvents.time(record, "kinesis", "approximateArrivalTimestamp"))
				.data(JsonEvents.base64(JsonEvents.text(record, "kinesis", "data"), "Kinesis record " + id + " data"))
				.extension("partitionkey", JsonEvents.text(record, "kinesis", "partitionKey"))
				.extension("sequencenumber", JsonEvents.text(record, "kinesis", "sequenceNumber"))
				.build();
	}
}
