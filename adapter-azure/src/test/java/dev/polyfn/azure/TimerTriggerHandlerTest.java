package dev.polyfn.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import dev.polyfn.azure.AzureTestSupport.Invocation;
import dev.polyfn.core.model.ScheduledTick;
import dev.polyfn.core.testing.Fixtures;

class TimerTriggerHandlerTest {

	private static final String TIMER_INFO = "azure/timer/docs-timer-info-pascalcase.json";

	private static final Instant NOW = Instant.parse("2016-10-04T10:20:00.125Z");

	private final TimerTriggerHandler handler = new TimerTriggerHandler(AzureTestSupport.functions(),
			Clock.fixed(NOW, ZoneOffset.UTC));

	@Test
	void cleanup_expired_gets_a_tick_named_after_the_azure_function() {
		handler.run(Fixtures.text(TIMER_INFO), new Invocation("cleanupExpired", "inv-t1").context);

		ScheduledTick tick = AzureTestSupport.recorder().last(ScheduledTick.class);
		assertThat(tick.schedule()).isEqualTo("cleanupExpired");
		assertThat(tick.pastDue()).isFalse();
		assertThat(tick.fireTime().toInstant()).isEqualTo(NOW);
	}

	@Test
	void timer_info_that_is_not_json_fails_the_run() {
		assertThatThrownBy(() -> handler.run("IsPastDue=true", new Invocation("cleanupExpired", "inv-t2").context))
				.isInstanceOf(AzureEventFailure.class)
				.hasMessageContaining("400");
	}
}
