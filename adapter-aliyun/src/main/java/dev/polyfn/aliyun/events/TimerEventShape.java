package dev.polyfn.aliyun.events;

import java.util.List;

import dev.polyfn.core.events.JsonEvents;
import dev.polyfn.core.model.MediaTypes;
import dev.polyfn.core.model.PortableEvent;
import dev.polyfn.core.model.ScheduledTick;
import tools.jackson.databind.JsonNode;

/** Timer triggers: {@code {"triggerTime":"...","triggerName":"...","payload":"..."}}. */
final class TimerEventShape implements FcEventShape {

	@Override
	public boolean matches(JsonNode event) {
		return event.isObject() && event.has("triggerTime") && event.has("triggerName");
	}

	@Override
	public FcEvent read(JsonNode event) {
		String name = JsonEvents.text(event, "triggerName");
		ScheduledTick tick = new ScheduledTick(name, JsonEvents.time(event, "triggerTime"),
				JsonEvents.text(event, "payload"), false);
		PortableEvent portable = PortableEvent.builder()
				.source("acs:fc:timer/" + name)
				.type("fc:Timer:Fired")
				.time(tick.fireTime())
				.dataContentType(MediaTypes.JSON)
				.data(JsonEvents.toBytes(event))
				.payload(tick)
				.build();
		return new FcEvent.Events("timer", List.of(portable));
	}
}
