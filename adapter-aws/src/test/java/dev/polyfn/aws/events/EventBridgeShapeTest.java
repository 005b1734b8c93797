package dev.polyfn.aws.events;

import static dev.polyfn.aws.TestRuntimes.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;

import org.junit.jupiter.api.Test;

import dev.polyfn.aws.LambdaFunctionException;
import dev.polyfn.aws.TestRuntimes;
import dev.polyfn.core.events.JsonEvents;
import dev.polyfn.core.model.ScheduledTick;

class EventBridgeShapeTest {

	private final EventBridgeShape shape = new EventBridgeShape();

	@Test
	void scheduled_event_becomes_a_tick_named_after_the_rule() {
		var event = shape.toEvents(fixture("aws/eventbridge-scheduled/java-libs-cloudwatch_event.json")).get(0);
		assertThat(event.payload()).isEqualTo(
				new ScheduledTick("demoschedule", OffsetDateTime.parse("2020-09-30T15:58:34Z"), null, false));
	}

	@Test
	void function_error_fails_the_invocation() {
		var event = fixture("aws/eventbridge-scheduled/java-libs-cloudwatch_event.json");
		assertThatThrownBy(() -> shape.handle(JsonEvents.toBytes(event), event, TestRuntimes.running("failing"),
				TestRuntimes.context()))
				.isInstanceOf(LambdaFunctionException.class)
				.hasMessage("500 function_error: Function 'failing' failed with IllegalStateException");
	}
}
