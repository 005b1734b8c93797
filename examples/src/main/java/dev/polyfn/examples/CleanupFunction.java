package dev.polyfn.examples;

import java.time.Clock;
import java.time.Instant;
import java.util.function.Function;

import dev.polyfn.core.model.ScheduledTick;

/**
 * A scheduled job: on each tick, remove the records that have expired and report how many. Expiry is judged
 * by the clock, not the tick's fire time, so a late or replayed tick still cleans up everything due.
 */
public class CleanupFunction implements Function<ScheduledTick, CleanupFunction.CleanupReport> {

	public record CleanupReport(String schedule, Instant firedAt, Instant cleanedAt, int removed, int remaining) {
	}

	private final ExpiringStore store;
	private final Clock clock;

	public CleanupFunction(ExpiringStore store, Clock clock) {
		this.store = store;
		this.clock = clock;
	}

	@Override
	public CleanupReport apply(ScheduledTick tick) {
		Instant now = clock.instant();
		int removed = store.removeExpired(now);
		Instant firedAt = tick.fireTime() == null ? null : tick.fireTime().toInstant();
		return new CleanupReport(tick.schedule(), firedAt, now, removed, store.size());
	}
}
