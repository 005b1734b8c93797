package dev.polyfn.azure.events;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Locale;

import dev.polyfn.core.events.JsonEvents;
import dev.polyfn.core.model.PortableEvent;
import dev.polyfn.core.model.ScheduledTick;
import tools.jackson.databind.JsonNode;

/**
 * The timer trigger's {@code TimerInfo} JSON ({@code ScheduleStatus}, {@code IsPastDue}) becomes a portable event
 * whose payload is a {@link ScheduledTick} named after the Azure function. The tick's time is when the worker
 * ran it: {@code ScheduleStatus} only records the previous and the next occurrence (and is absent when schedule
 * monitoring is off), so both travel as extensions instead.
 */
public final class TimerTicks {

	public static final String EVENT_TYPE = "Microsoft.Azure.Functions.TimerTick";

	private TimerTicks() {
	}

	public static PortableEvent toEvent(String timerInfoJson, String azureFunctionName, String invocationId,
			Clock clock) {
		byte[] json = (timerInfoJson == null || timerInfoJson.isBlank() ? "{}" : timerInfoJson)
				.getBytes(StandardCharsets.UTF_8);
		JsonNode info = JsonEvents.parse(json);
		boolean pastDue = JsonEvents.bool(info, "IsPastDue") || JsonEvents.bool(info, "isPastDue");
		OffsetDateTime fired = OffsetDateTime.now(clock);
		ScheduledTick tick = new ScheduledTick(azureFunctionName, fired, null, pastDue);
		return PortableEvent.builder()
				.id(invocationId)
				.source("azure/functions/timers/" + azureFunctionName)
				.type(EVENT_TYPE)
				.time(fired)
				.dataContentType("application/json")
				.data(json)
				.payload(tick)
				.extension("schedulelast", status(info, "Last"))
				.extension("schedulenext", status(info, "Next"))
				.build();
	}

	private static String status(JsonNode info, String field) {
		String value = JsonEvents.text(info, "ScheduleStatus", field);
		return value != null ? value : JsonEvents.text(info, "scheduleStatus", field.toLowerCase(Locale.ROOT));
	}
}
