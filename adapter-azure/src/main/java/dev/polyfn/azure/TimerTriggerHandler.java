package dev.polyfn.azure;

import java.time.Clock;

import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.annotation.FunctionName;
import com.microsoft.azure.functions.annotation.TimerTrigger;

import dev.polyfn.azure.events.TimerTicks;
import dev.polyfn.core.invoke.FunctionFailure;
import dev.polyfn.core.model.PortableEvent;

/**
 * Timer trigger: the function gets a {@code ScheduledTick} named after the Azure function, with Azure's
 * {@code IsPastDue}. A failure throws so that it shows as a failed run (a timer is not retried; the next
 * occurrence runs as scheduled).
 *
 * <p>The packager writes one function.json per schedule function with an NCRONTAB expression made from
 * {@code polyfn.deploy.<name>.every}; the annotation value is the generic function's app setting
 * {@code POLYFN_SCHEDULE}.
 */
public class TimerTriggerHandler {

	private final AzureFunctionRuntime functions;
	private final Clock clock;

	public TimerTriggerHandler() {
		this(AzureFunctionRuntime.shared(), Clock.systemUTC());
	}

	public TimerTriggerHandler(AzureFunctionRuntime functions, Clock clock) {
		this.functions = functions;
		this.clock = clock;
	}

	@FunctionName("polyfn-timer")
	public void run(@TimerTrigger(name = "timerInfo", schedule = "%POLYFN_SCHEDULE%") String timerInfo,
			ExecutionContext context) {
		PortableEvent event;
		try {
			event = TimerTicks.toEvent(timerInfo, context.getFunctionName(), context.getInvocationId(), clock);
		}
		catch (FunctionFailure unreadable) {
			throw AzureFunctionRuntime.failed(context, unreadable.error());
		}
		functions.runEvent(event, context);
	}
}
