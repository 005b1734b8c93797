package dev.polyfn.tencent.events;

import java.util.List;

import dev.polyfn.core.deploy.FunctionDeployment;
import dev.polyfn.core.events.JsonEvents;
import dev.polyfn.core.model.PortableEvent;
import dev.polyfn.core.model.ScheduledTick;
import tools.jackson.databind.JsonNode;

/** Timer trigger: {@code {"Type":"Timer","TriggerName":..,"Time":..,"Message":..}}. */
final class TimerShape implements EventShape {

	@Override
	public String name() {
		return "Timer";
	}

	@Override
	public boolean matches(JsonNode event) {
		return "Timer".equals(JsonEvents.text(event, "Type")) && JsonEvents.at(event, "TriggerName") != null;
	}

	@Override
	public NormalisedEvent normalise(JsonNode event) {
		String trigger = JsonEvents.text(event, "TriggerName");
		ScheduledTick tick = new ScheduledTick(trigger, JsonEvents.time(event, "Time"), JsonEvents.text(event, "Message"),
				false);
		PortableEvent portable = PortableEvent.builder()
				.id(trigger + "@" + JsonEvents.text(event, "Time"))
				.source("qcs::scf:timer/" + trigger)
				.type("com.tencent.scf.timer")
				.time(tick.fireTime())
				.dataContentType("application/json")
				.data(JsonEvents.toBytes(event))
				.payload(tick)
				.build();
		return new NormalisedEvent.EventBatch(FunctionDeployment.Trigger.SCHEDULE, trigger, "timer tick",
				List.of(portable));
	}
}
