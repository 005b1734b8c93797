package dev.polyfn.aws.events;

import java.util.List;

import dev.polyfn.core.events.JsonEvents;
import dev.polyfn.core.model.MediaTypes;
import dev.polyfn.core.model.PortableEvent;
import tools.jackson.databind.JsonNode;

/**
 * DynamoDB Streams: one event per change record; the function sees the record's {@code dynamodb} object
 * (Keys, NewImage, OldImage in DynamoDB's typed JSON) and the change kind as the event type.
 */
public class DynamoDbStreamShape extends EventShape {

	@Override
	public String name() {
		return "dynamodb-stream";
	}

	@Override
	public boolean matches(JsonNode event) {
		return firstRecordFrom(event, "eventSource", "aws:dynamodb");
	}

	@Override
	public List<PortableEvent> toEvents(JsonNode event) {
		return records(event).stream().map(DynamoDbStreamShape::toEvent).toList();
	}

	private static PortableEvent toEvent(JsonNode record) {
		JsonNode change = JsonEvents.at(record, "dynamodb");
		return PortableEvent.builder()
				.id(JsonEvents.text(record, "eventID"))
				.source(JsonEvents.text(record, "eventSourceARN"))
				.type("aws.dynamodb." + JsonEvents.text(record, "eventName"))
				.subject(JsonEvents.text(change, "Keys"))
				.time(JsonEvents.time(change, "ApproximateCreationDateTime"))
				.dataContentType(MediaTypes.JSON)
				.data(change == null ? null : JsonEvents.toBytes(change))
				.extension("sequencenumber", JsonEvents.text(change, "SequenceNumber"))
				.build();
	}
}
