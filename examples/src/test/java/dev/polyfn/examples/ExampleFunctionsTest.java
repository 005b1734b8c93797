package dev.polyfn.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.messaging.Message;

import dev.polyfn.core.FunctionStatusException;
import dev.polyfn.core.messaging.MessageDestinations;
import dev.polyfn.core.model.ScheduledTick;
import dev.polyfn.core.model.StorageObjectEvent;
import dev.polyfn.core.model.StorageObjectEvent.Action;

/** The use cases as plain Java: no Spring, no cloud. */
class ExampleFunctionsTest {

	private final TextFunctions text = new TextFunctions();

	/** Web mode's messaging: in memory, nothing leaves the test. */
	private final MessageDestinations messaging = new MessageDestinations(name -> null, "web", List::of);

	@Test
	void reverse_keeps_emoji_intact() {
		assertThat(text.reverse().apply("ab😀")).isEqualTo("😀ba");
	}

	@Test
	void uppercase() {
		assertThat(text.uppercase().apply("hello")).isEqualTo("HELLO");
	}

	@Test
	void square_squares_every_number() {
		var result = new SquareFunction().apply(new SquareFunction.Numbers(
				List.of(new BigDecimal("2"), new BigDecimal("3"), new BigDecimal("4"))));
		assertThat(result.squares()).containsExactly(new BigDecimal("4"), new BigDecimal("9"), new BigDecimal("16"));
	}

	@Test
	void square_without_numbers_is_400() {
		assertThatThrownBy(() -> new SquareFunction().apply(new SquareFunction.Numbers(null)))
			.isInstanceOfSatisfying(FunctionStatusException.class, e -> assertThat(e.status()).isEqualTo(400));
	}

	@Test
	void thumbnail_fits_in_800_by_800_and_keeps_the_aspect_ratio() {
		Message<byte[]> thumbnail = new ThumbnailFunction().apply(Images.image(1600, 1000, "png"));
		BufferedImage image = Images.read(thumbnail.getPayload());
		assertThat(image.getWidth()).isEqualTo(800);
		assertThat(image.getHeight()).isEqualTo(500);
		assertThat(thumbnail.getHeaders().get("contentType")).isEqualTo("image/png");
	}

	@Test
	void thumbnail_of_a_jpeg_is_a_jpeg_and_small_images_are_not_enlarged() {
		Message<byte[]> thumbnail = new ThumbnailFunction().apply(Images.image(300, 200, "jpeg"));
		assertThat(thumbnail.getHeaders().get("contentType")).isEqualTo("image/jpeg");
		assertThat(Images.read(thumbnail.getPayload()).getWidth()).isEqualTo(300);
	}

	@Test
	void thumbnail_of_something_that_is_not_an_image_is_400() {
		assertThatThrownBy(() -> new ThumbnailFunction().apply("not an image".getBytes()))
			.isInstanceOfSatisfying(FunctionStatusException.class, e -> assertThat(e.status()).isEqualTo(400));
	}

	@Test
	void log_stats_counts_levels_and_users_and_survives_unparseable_lines() {
		var stats = new LogStatsFunction().apply(List.of("2026-01-01T00:00:00Z INFO user=alice signed in",
				"2026-01-01T00:00:01Z ERROR user=bob payment failed", "2026-01-01T00:00:02Z WARNING disk at 80%",
				"garbage line", "INFO user=alice signed out"));
		assertThat(stats.lines()).isEqualTo(5);
		assertThat(stats.byLevel()).isEqualTo(Map.of("INFO", 2, "ERROR", 1, "WARN", 1));
		assertThat(stats.byUser()).isEqualTo(Map.of("alice", 2, "bob", 1));
		assertThat(stats.unparseable()).isEqualTo(1);
	}

	@Test
	void temperature_above_the_threshold_raises_an_alert() {
		var alert = new TemperatureAlertFunction(30, messaging).apply(new TemperatureAlertFunction.Reading("dev-1", 31.5));
		assertThat(alert.deviceId()).isEqualTo("dev-1");
		assertThat(alert.threshold()).isEqualTo(30);
	}

	@Test
	void temperature_at_or_below_the_threshold_raises_nothing() {
		assertThat(new TemperatureAlertFunction(30, messaging).apply(new TemperatureAlertFunction.Reading("dev-1", 30.0))).isNull();
	}

	@Test
	void reading_without_a_temperature_is_400() {
		assertThatThrownBy(() -> new TemperatureAlertFunction(30, messaging).apply(new TemperatureAlertFunction.Reading("d", null)))
			.isInstanceOfSatisfying(FunctionStatusException.class, e -> assertThat(e.status()).isEqualTo(400));
	}

	@Test
	void order_within_stock_is_confirmed_and_reserves_stock() {
		Inventory inventory = new Inventory(Map.of("apple", 10));
		var result = new OrderFunction(inventory, messaging).apply(new OrderFunction.Order("o-1", "apple", 4));
		assertThat(result.status()).isEqualTo("CONFIRMED");
		assertThat(inventory.available("apple")).isEqualTo(6);
	}

	@Test
	void order_beyond_stock_is_rejected_not_thrown() {
		var result = new OrderFunction(new Inventory(Map.of("pear", 1)), messaging).apply(new OrderFunction.Order("o-2", "pear", 2));
		assertThat(result.status()).isEqualTo("REJECTED");
		assertThat(result.reason()).isEqualTo("insufficient stock");
	}

	@Test
	void order_for_an_unknown_item_is_rejected() {
		var result = new OrderFunction(new Inventory(Map.of()), messaging).apply(new OrderFunction.Order("o-3", "kiwi", 1));
		assertThat(result.reason()).isEqualTo("unknown item");
	}

	@Test
	void order_without_quantity_is_a_failure_so_the_queue_retries_it() {
		assertThatThrownBy(() -> new OrderFunction(new Inventory(Map.of()), messaging).apply(new OrderFunction.Order("o", "x", null)))
			.isInstanceOfSatisfying(FunctionStatusException.class, e -> assertThat(e.status()).isEqualTo(422));
	}

	@Test
	void cleanup_removes_what_expired_and_reports_it() {
		Instant now = Instant.parse("2026-01-01T12:00:00Z");
		ExpiringStore store = new ExpiringStore();
		store.put("old", now.minusSeconds(60));
		store.put("due", now);
		store.put("fresh", now.plusSeconds(60));
		var report = new CleanupFunction(store, Clock.fixed(now, ZoneOffset.UTC))
			.apply(new ScheduledTick("hourly", OffsetDateTime.parse("2026-01-01T11:59:00Z"), null, false));
		assertThat(report.removed()).isEqualTo(2);
		assertThat(report.remaining()).isEqualTo(1);
		assertThat(report.schedule()).isEqualTo("hourly");
	}

	@Test
	void plan_thumbnail_for_a_new_image() {
		var plan = new ThumbnailPlanner().apply(created("photos/cat.jpg", "image/jpeg"));
		assertThat(plan.source()).isEqualTo("photos/cat.jpg");
		assertThat(plan.target()).isEqualTo("thumbnails/photos/cat.jpg");
		assertThat(plan.skipped()).isNull();
	}

	@Test
	void plan_thumbnail_skips_thumbnails_themselves() {
		assertThat(new ThumbnailPlanner().apply(created("thumbnails/cat.jpg", "image/jpeg")).reason())
			.isEqualTo("the object is itself a thumbnail");
	}

	@Test
	void plan_thumbnail_skips_what_is_not_an_image() {
		assertThat(new ThumbnailPlanner().apply(created("report.pdf", null)).reason()).isEqualTo("the object is not an image");
	}

	@Test
	void plan_thumbnail_skips_deleted_objects() {
		var deleted = new StorageObjectEvent("b", "cat.png", null, null, null, Action.DELETED, null);
		assertThat(new ThumbnailPlanner().apply(deleted).skipped()).isTrue();
	}

	@Test
	void plan_thumbnail_refuses_a_key_that_climbs_out_of_the_thumbnail_folder() {
		assertRefusedKey("../../etc/passwd.png", "'..' segment");
		assertRefusedKey("photos/../../x.png", "'..' segment");
		assertRefusedKey("photos/./cat.png", "'.' segment");
	}

	@Test
	void plan_thumbnail_refuses_absolute_backslash_and_control_character_keys() {
		assertRefusedKey("/etc/passwd.png", "starts with '/'");
		assertRefusedKey("..\\..\\windows\\cat.png", "backslash");
		assertRefusedKey("cat.png\u0000.txt", "control character");
		assertRefusedKey("cat\n.png", "control character");
		assertRefusedKey("a".repeat(1025) + ".png", "longer than 1024");
	}

	@Test
	void plan_thumbnail_keeps_keys_that_only_look_unusual() {
		assertThat(new ThumbnailPlanner().apply(created("photos/..cat../a..b.png", "image/png")).target())
			.isEqualTo("thumbnails/photos/..cat../a..b.png");
	}

	private static void assertRefusedKey(String key, String problem) {
		assertThatThrownBy(() -> new ThumbnailPlanner().apply(created(key, "image/png")))
			.isInstanceOfSatisfying(FunctionStatusException.class, e -> assertThat(e.status()).isEqualTo(400))
			.hasMessageContaining(problem)
			.satisfies(e -> assertThat(e.getMessage()).doesNotContain(key));
	}

	private static StorageObjectEvent created(String key, String contentType) {
		return new StorageObjectEvent("bucket", key, 100L, "etag", contentType, Action.CREATED, null);
	}
}
