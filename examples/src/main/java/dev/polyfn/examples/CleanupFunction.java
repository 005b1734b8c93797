package dev.polyfn.examples;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.polyfn.core.model.ScheduledTick;
import dev.polyfn.core.storage.ObjectStorage;
import dev.polyfn.core.storage.ObjectSummary;
import dev.polyfn.core.storage.StorageBuckets;

/**
 * A scheduled job: on each tick, remove the records that have expired and report how many; and, when a prefix is
 * configured, the objects under it in storage 'uploads' older than the maximum age. Expiry is judged by the clock,
 * not the tick's fire time, so a late or replayed tick still cleans up everything due.
 */
public class CleanupFunction implements Function<ScheduledTick, CleanupFunction.CleanupReport> {

	/** What goes in storage: objects under {@code prefix} of storage {@code alias} expire {@code maxAge} after their last change. */
	public record ExpiringObjects(StorageBuckets storage, String alias, String prefix, Duration maxAge) {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record CleanupReport(String schedule, Instant firedAt, Instant cleanedAt, int removed, int remaining,
			Integer removedObjects) {
	}

	private final ExpiringStore store;
	private final Clock clock;
	private final ExpiringObjects objects;

	public CleanupFunction(ExpiringStore store, Clock clock) {
		this(store, clock, null);
	}

	public CleanupFunction(ExpiringStore store, Clock clock, ExpiringObjects objects) {
		this.store = store;
		this.clock = clock;
		this.objects = objects;
	}

	@Override
	public CleanupReport apply(ScheduledTick tick) {
		Instant now = clock.instant();
		int removed = store.removeExpired(now);
		Instant firedAt = tick.fireTime() == null ? null : tick.fireTime().toInstant();
		return new CleanupReport(tick.schedule(), firedAt, now, removed, store.size(), objects == null ? null : removeObjects(now));
	}

	/** Lists before deleting, so a listing page is never changed under its own continuation token. */
	private int removeObjects(Instant now) {
		ObjectStorage bucket = objects.storage().bucket(objects.alias());
		Instant cutoff = now.minus(objects.maxAge());
		List<String> expired = bucket.listAll(objects.prefix())
			.filter(o -> o.lastModified() != null && o.lastModified().isBefore(cutoff))
			.map(ObjectSummary::key)
			.toList();
		expired.forEach(bucket::delete);
		return expired.size();
	}
}
