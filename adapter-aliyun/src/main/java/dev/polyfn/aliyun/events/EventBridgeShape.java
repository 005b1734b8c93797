package dev.polyfn.aliyun.events;

import java.util.ArrayList;
import java.util.List;

import dev.polyfn.core.events.JsonEvents;
import dev.polyfn.core.http.CloudEventCodec;
import dev.polyfn.core.invoke.FunctionError;
import dev.polyfn.core.invoke.FunctionFailure;
import dev.polyfn.core.model.PortableEvent;
import dev.polyfn.core.model.QueueMessage;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Triggers backed by EventBridge (MNS queue, RocketMQ, Kafka, ...): CloudEvents in JSON format, one object in
 * event mode or an array in event-stream (batch) mode. MNS queue messages also become a {@link QueueMessage}.
 */
final class EventBridgeShape implements FcEventShape {

	@Override
	public boolean matches(JsonNode event) {
		if (event.isArray()) {
			return !event.isEmpty() && isCloudEvent(event.get(0));
		}
		return isCloudEvent(event);
	}

	private static boolean isCloudEvent(JsonNode node) {
		return node != null && node.isObject() && node.has("specversion") && node.has("type") && node.has("source");
	}

	@Override
	public FcEvent read(JsonNode event) {
		List<PortableEvent> events = new ArrayList<>();
		for (JsonNode item : event.isArray() ? event : List.of(event)) {
			if (!isCloudEvent(item)) {
				throw new FunctionFailure(FunctionError.invalidInput(
						"Item " + events.size() + " of the EventBridge batch is not a CloudEvent"));
			}
			events.add(withPayload((ObjectNode) item, CloudEventCodec.fromJson((ObjectNode) item)));
		}
		return new FcEvent.Events("eventbridge", events);
	}

	private static PortableEvent withPayload(ObjectNode item, PortableEvent event) {
		if ("acs:mns".equals(event.source())) {
			String body = JsonEvents.text(item, "data", "messageBody");
			String id = JsonEvents.text(item, "data", "messageId");
			return event.toBuilder()
					.payload(new QueueMessage(id != null ? id : event.id(), body, event.extensions(), 1, event.subject()))
					.build();
		}
		return event;
	}
}
