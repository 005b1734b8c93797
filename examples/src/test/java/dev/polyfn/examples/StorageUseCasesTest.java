package dev.polyfn.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.polyfn.core.model.ScheduledTick;
import dev.polyfn.core.storage.ObjectContent;
import dev.polyfn.core.storage.PutOptions;
import dev.polyfn.core.storage.StorageBuckets;

/** cleanupExpired and logStats with their storage settings, on the local file system. */
class StorageUseCasesTest {

	private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");

	@TempDir
	Path root;

	private StorageBuckets buckets() {
		Map<String, String> settings = Map.of("polyfn.storage.uploads.bucket", "photos", "polyfn.storage.local.root", root.toString());
		return new StorageBuckets(settings::get, "web", List::of);
	}

	@Test
	void cleanup_removes_objects_under_its_prefix_older_than_the_maximum_age_and_nothing_else() throws Exception {
		StorageBuckets storage = buckets();
		storage.bucket("uploads").put("tmp/old.txt", "old".getBytes(StandardCharsets.UTF_8), PutOptions.defaults());
		storage.bucket("uploads").put("tmp/new.txt", "new".getBytes(StandardCharsets.UTF_8), PutOptions.defaults());
		storage.bucket("uploads").put("keep/old.txt", "kept".getBytes(StandardCharsets.UTF_8), PutOptions.defaults());
		age(root.resolve("photos/tmp/old.txt"), Duration.ofDays(2));
		age(root.resolve("photos/keep/old.txt"), Duration.ofDays(2));
		CleanupFunction cleanup = new CleanupFunction(new ExpiringStore(), Clock.fixed(NOW, ZoneOffset.UTC),
				new CleanupFunction.ExpiringObjects(storage, "uploads", "tmp/", Duration.ofDays(1)));

		CleanupFunction.CleanupReport report = cleanup.apply(new ScheduledTick("hourly", null, null, false));

		assertThat(report.removedObjects()).isEqualTo(1);
		assertThat(storage.bucket("uploads").listAll("").map(o -> o.key()).toList()).containsExactly("keep/old.txt", "tmp/new.txt");
	}

	@Test
	void log_stats_writes_its_report_as_a_json_object_and_names_it() throws Exception {
		StorageBuckets storage = buckets();
		LogStatsFunction logStats = new LogStatsFunction(new LogStatsFunction.ReportObjects(storage, "uploads", "reports/",
				Clock.fixed(NOW, ZoneOffset.UTC)));

		LogStatsFunction.LogStats stats = logStats.apply(List.of("[t] ERROR user=ann boom", "[t] INFO user=bob ok"));

		assertThat(stats.report()).isEqualTo("reports/log-stats-2026-12-04T12-00-00Z.json");
		try (ObjectContent report = storage.bucket("uploads").get(stats.report())) {
			assertThat(report.metadata().contentType()).isEqualTo("application/json");
			assertThat(new String(report.readAllBytes(10_000), StandardCharsets.UTF_8))
				.isEqualTo("{\"lines\":2,\"byLevel\":{\"ERROR\":1,\"INFO\":1},\"byUser\":{\"ann\":1,\"bob\":1},\"unparseable\":0}");
		}
	}

	private static void age(Path file, Duration age) throws Exception {
		Files.setLastModifiedTime(file, FileTime.from(NOW.minus(age)));
	}
}
