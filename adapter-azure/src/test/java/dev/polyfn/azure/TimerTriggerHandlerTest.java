package dev.polyfn.azure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import dev.polyfn.azure.host.FunctionsHost;
import dev.polyfn.azure.host.JavaWorker;
import dev.polyfn.core.model.ScheduledTick;
import dev.polyfn.core.testing.Fixtures;

class TimerTriggerHandlerTest {

	private static final String TIMER_INFO = "azure/timer/docs-timer-info-pascalcase.json";

	private static final Instant NOW = Instant.parse("2016-10-04T10:20:00.125Z");

	private final TimerTriggerHandler handler = new TimerTriggerHandler(AzureTestSupport.functions(),
			Clock.fixed(NOW, ZoneOffset.UTC));

	@Test
	void cleanup_expired_gets_a_tick_named_after_the_azure_function() {
		JavaWorker.Outcome outcome = JavaWorker.invoke(handler,
				FunctionsHost.timerInvocation("cleanupExpired", "timerInfo", Fixtures.text(TIMER_INFO)));

		assertThat(outcome.failure()).isNull();
		ScheduledTick tick = AzureTestSupport.recorder().last(ScheduledTick.class);
		assertThat(tick.schedule()).isEqualTo("cleanupExpired");
		assertThat(tick.pastDue()).isFalse();
		assertThat(tick.fireTime().toInstant()).isEqualTo(NOW);
	}

	@Test
	void a_timer_without_schedule_monitoring_has_a_null_schedule_status_and_still_runs() {
		JavaWorker.Outcome outcome = JavaWorker.invoke(handler, FunctionsHost.timerInvocation("cleanupExpired",
				"timerInfo", "{\"Schedule\":{\"AdjustForDST\":true},\"ScheduleStatus\":null,\"IsPastDue\":true}"));

		assertThat(outcome.failure()).isNull();
		assertThat(AzureTestSupport.recorder().last(ScheduledTick.class).pastDue()).isTrue();
	}
}
