package dev.polyfn.aws.events;

import java.util.List;

import dev.polyfn.core.events.JsonEvents;
import dev.polyfn.core.model.MediaTypes;
import dev.polyfn.core.model.PortableEvent;
import dev.polyfn.core.model.ScheduledTick;
import tools.jackson.databind.JsonNode;

/**
 * EventBridge (and CloudWatch Events): the function sees the event's {@code detail}. A schedule rule's
 * event ({@code "detail-type": "Scheduled Event"}) also becomes a {@link ScheduledTick} named after the rule.
 */
public class EventBridgeShape extends EventShape {

	static final String SCHEDULED = "Scheduled Event";

	@Override
	public String name() {
		return "eventbridge";
	}

	@Override
	public boolean matches(JsonNode event) {
		return JsonEvents.at(event, "detail-type") != null && JsonEvents.at(event, "source") != null
				&& event.has("detail");
	}

	@Override
	public List<PortableEvent> toEvents(JsonNode event) {
		String detailType = JsonEvents.text(event, "detail-type");
		JsonNode detail = JsonEvents.at(event, "detail");
		JsonNode resources = JsonEvents.at(event, "resources");
		String resource = resources != null && resources.isArray() && !resources.isEmpty() ? resources.get(0).asString() : null;
		PortableEvent.Builder builder = PortableEvent.builder()
				.id(JsonEvents.text(event, "id"))
				.source(JsonEvents.text(event, "source"))
				.type(detailType)
				.subject(resource)
				.time(JsonEvents.time(event, "time"))
				.dataContentType(MediaTypes.JSON)
				.data(detail == null ? null : JsonEvents.toBytes(detail));
		if (SCHEDULED.equals(detailType)) {
			boolean emptyDetail = detail == null || detail.isEmpty();
			builder.payload(new ScheduledTick(resourceName(resource), JsonEvents.time(event, "time"),
					emptyDetail ? null : detail.toString(), false));
		}
		return List.of(builder.build());
	}
}
