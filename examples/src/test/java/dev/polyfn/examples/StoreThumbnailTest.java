package dev.polyfn.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.polyfn.core.model.StorageObjectEvent;
import dev.polyfn.core.model.StorageObjectEvent.Action;
import dev.polyfn.core.storage.ObjectContent;
import dev.polyfn.core.storage.ObjectStorage;
import dev.polyfn.core.storage.PutOptions;
import dev.polyfn.core.storage.StorageBuckets;
import dev.polyfn.core.storage.StorageException;
import dev.polyfn.core.testing.ImageBombs;

/** storeThumbnail on the local file system: what lands in the bucket, and what does not. */
class StoreThumbnailTest {

	@TempDir
	Path root;

	private StorageBuckets buckets() {
		Map<String, String> settings = Map.of("polyfn.storage.uploads.bucket", "photos", "polyfn.storage.local.root",
				root.toString());
		return new StorageBuckets(settings::get, "web", List::of);
	}

	private StoreThumbnailFunction function(StorageBuckets buckets, int maxBytes) {
		return new StoreThumbnailFunction(buckets, new Thumbnailer(new ThumbnailLimits(40_000_000, 20_000,
				Duration.ofSeconds(1)), DecodeBudget.halfTheHeap()), maxBytes);
	}

	private static StorageObjectEvent created(String key) {
		return new StorageObjectEvent("photos", key, null, null, null, Action.CREATED, null);
	}

	@Test
	void upload_of_a_jpeg_writes_a_png_that_fits_800_by_800_under_thumbnails() throws Exception {
		StorageBuckets buckets = buckets();
		ObjectStorage photos = buckets.bucket("uploads");
		photos.put("uploads/cat.jpg", Images.image(1200, 1600, "jpeg"), PutOptions.contentType("image/jpeg"));

		StoreThumbnailFunction.StoredThumbnail stored = function(buckets, 1 << 20).apply(created("uploads/cat.jpg"));

		try (ObjectContent thumbnail = photos.get("thumbnails/uploads/cat.jpg")) {
			BufferedImage image = Images.read(thumbnail.readAllBytes(1 << 20));
			assertThat(thumbnail.metadata().contentType() + " " + image.getWidth() + "x" + image.getHeight())
				.isEqualTo("image/png 600x800");
			assertThat(stored).isEqualTo(new StoreThumbnailFunction.StoredThumbnail("photos", "uploads/cat.jpg",
					"thumbnails/uploads/cat.jpg", 600, 800, thumbnail.metadata().size(), thumbnail.metadata().etag(), null, null));
		}
	}

	@Test
	void event_for_a_thumbnail_writes_nothing() {
		StorageBuckets buckets = buckets();
		buckets.bucket("uploads").put("thumbnails/cat.png", Images.image(10, 10, "png"), PutOptions.contentType("image/png"));

		StoreThumbnailFunction.StoredThumbnail stored = function(buckets, 1 << 20).apply(created("thumbnails/cat.png"));

		assertThat(stored.reason()).isEqualTo("the object is itself a thumbnail");
		assertThat(buckets.bucket("uploads").exists("thumbnails/thumbnails/cat.png")).isFalse();
	}

	@Test
	void missing_object_is_not_found() {
		assertThatThrownBy(() -> function(buckets(), 1 << 20).apply(created("uploads/cat.png")))
			.isInstanceOfSatisfying(StorageException.NotFound.class, e -> assertThat(e.status()).isEqualTo(404));
	}

	@Test
	void object_that_is_no_image_is_skipped_with_the_reason() {
		StorageBuckets buckets = buckets();
		buckets.bucket("uploads").put("cat.png", "not a picture".getBytes(), PutOptions.contentType("image/png"));

		assertThat(function(buckets, 1 << 20).apply(created("cat.png")).reason())
			.startsWith("The body is not a readable image");
	}

	@Test
	void decompression_bomb_is_skipped_before_decoding() {
		StorageBuckets buckets = buckets();
		buckets.bucket("uploads").put("bomb.gif", ImageBombs.gif(40_000, 40_000), PutOptions.contentType("image/gif"));

		assertThat(function(buckets, 1 << 20).apply(created("bomb.gif")).reason())
			.startsWith("The image declares 40000x40000 pixels");
	}

	@Test
	void object_past_the_byte_limit_is_skipped_unread() {
		StorageBuckets buckets = buckets();
		buckets.bucket("uploads").put("big.png", Images.image(400, 400, "png"), PutOptions.contentType("image/png"));

		assertThat(function(buckets, 100).apply(created("big.png")).reason())
			.isEqualTo("the object is larger than 100 bytes (polyfn.examples.thumbnail.max-bytes)");
	}

	@Test
	void event_from_another_bucket_is_skipped() {
		StoreThumbnailFunction.StoredThumbnail stored = function(buckets(), 1 << 20)
			.apply(new StorageObjectEvent("other", "cat.png", null, null, null, Action.CREATED, null));

		assertThat(stored.reason()).isEqualTo(
				"the event is for another bucket than storage 'uploads' (polyfn.storage.uploads.bucket is 'photos')");
	}
}
