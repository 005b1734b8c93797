package dev.polyfn.examples;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.polyfn.core.messaging.MessageDestinations;
import dev.polyfn.core.storage.StorageBuckets;

/** The use-case functions and the in-memory state they work on. */
@Configuration(proxyBeanMethods = false)
public class UseCaseFunctions {

	@Bean
	public SquareFunction square() {
		return new SquareFunction();
	}

	/** One decoding budget and one set of limits for both thumbnail functions: two budgets would be the whole heap. */
	@Bean
	Thumbnailer thumbnailer(
			@Value("${polyfn.examples.thumbnail.max-pixels:" + ThumbnailLimits.DEFAULT_MAX_PIXELS + "}") long maxPixels,
			@Value("${polyfn.examples.thumbnail.max-side:" + ThumbnailLimits.DEFAULT_MAX_SIDE + "}") int maxSide,
			@Value("${polyfn.examples.thumbnail.max-wait-ms:5000}") long maxWaitMillis) {
		return new Thumbnailer(new ThumbnailLimits(maxPixels, maxSide, Duration.ofMillis(maxWaitMillis)),
				DecodeBudget.halfTheHeap());
	}

	@Bean
	public ThumbnailFunction thumbnail(Thumbnailer thumbnailer) {
		return new ThumbnailFunction(thumbnailer);
	}

	/** Reads the uploaded image from storage 'uploads' and writes its thumbnail beside it. */
	@Bean
	public StoreThumbnailFunction storeThumbnail(StorageBuckets storage, Thumbnailer thumbnailer,
			@Value("${polyfn.examples.thumbnail.max-bytes:" + StoreThumbnailFunction.DEFAULT_MAX_BYTES + "}") int maxBytes) {
		return new StoreThumbnailFunction(storage, thumbnailer, maxBytes);
	}

	/** With {@code polyfn.examples.log-stats.report-prefix} set (e.g. {@code reports/}), also writes each report to storage 'uploads'. */
	@Bean
	public LogStatsFunction logStats(StorageBuckets storage, @Value("${polyfn.examples.log-stats.report-prefix:}") String prefix) {
		return prefix.isBlank() ? new LogStatsFunction()
				: new LogStatsFunction(new LogStatsFunction.ReportObjects(storage, StoreThumbnailFunction.STORAGE, prefix.trim(),
						Clock.systemUTC()));
	}

	@Bean
	public TemperatureAlertFunction temperatureAlert(
			@Value("${polyfn.examples.temperature-threshold:30}") double threshold, MessageDestinations messaging) {
		return new TemperatureAlertFunction(threshold, messaging);
	}

	@Bean
	public Inventory inventory() {
		return new Inventory(Map.of("apple", 10, "pear", 5, "plum", 0));
	}

	@Bean
	public OrderFunction processOrder(Inventory inventory, MessageDestinations messaging) {
		return new OrderFunction(inventory, messaging);
	}

	/** Seeded with three records that have expired and two that have not, so the first tick has work to do. */
	@Bean
	public ExpiringStore expiringStore() {
		ExpiringStore store = new ExpiringStore();
		Instant now = Instant.now();
		store.put("session-1", now.minus(Duration.ofHours(2)));
		store.put("session-2", now.minus(Duration.ofHours(1)));
		store.put("session-3", now.minus(Duration.ofMinutes(1)));
		store.put("session-4", now.plus(Duration.ofDays(1)));
		store.put("session-5", now.plus(Duration.ofDays(2)));
		return store;
	}

	/**
	 * With {@code polyfn.examples.cleanup.prefix} set (e.g. {@code tmp/}), also removes the objects under it in storage
	 * 'uploads' older than {@code polyfn.examples.cleanup.max-age} (default 24h).
	 */
	@Bean
	public CleanupFunction cleanupExpired(ExpiringStore store, StorageBuckets storage,
			@Value("${polyfn.examples.cleanup.prefix:}") String prefix,
			@Value("${polyfn.examples.cleanup.max-age:24h}") String maxAge) {
		CleanupFunction.ExpiringObjects objects = prefix.isBlank() ? null
				: new CleanupFunction.ExpiringObjects(storage, StoreThumbnailFunction.STORAGE, prefix.trim(),
						org.springframework.boot.convert.DurationStyle.detectAndParse(maxAge.trim()));
		return new CleanupFunction(store, Clock.systemUTC(), objects);
	}

	@Bean
	public ThumbnailPlanner planThumbnail() {
		return new ThumbnailPlanner();
	}
}
