package dev.polyfn.examples;

import java.util.function.Function;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.polyfn.core.FunctionStatusException;
import dev.polyfn.core.model.StorageObjectEvent;
import dev.polyfn.core.storage.ObjectContent;
import dev.polyfn.core.storage.ObjectStorage;
import dev.polyfn.core.storage.PutOptions;
import dev.polyfn.core.storage.PutResult;
import dev.polyfn.core.storage.StorageBuckets;
import dev.polyfn.core.storage.StorageException;

/**
 * An image landed in the bucket → its PNG thumbnail (fits 800×800, aspect kept) written to
 * {@code thumbnails/<key>} of the same bucket, and what was written. The bucket is the storage alias
 * {@code uploads} ({@code polyfn.storage.uploads.bucket}), so the same bean runs on every cloud.
 *
 * <p>What {@link ThumbnailPlanner} skips is skipped here with the same reason, and so is an event from another
 * bucket than the alias's. An object that is no readable image, is larger than {@code maxBytes} or declares more
 * pixels than {@link ThumbnailLimits} allow is skipped with the reason, not failed: the cloud would retry a failed
 * storage event, and the same bytes would fail again. A missing object is 404 (it was deleted before the event
 * came, or the event is not from this bucket's notifications); no free decoding memory is 503, which the cloud
 * retries.
 */
public class StoreThumbnailFunction implements Function<StorageObjectEvent, StoreThumbnailFunction.StoredThumbnail> {

	public static final String STORAGE = "uploads";

	/** 64 MB: a 40-megapixel PNG of a photo is about that; the object is read into memory to be decoded. */
	public static final int DEFAULT_MAX_BYTES = 64 * 1024 * 1024;

	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record StoredThumbnail(String bucket, String source, String target, Integer width, Integer height, Long size,
			String etag, Boolean skipped, String reason) {

		static StoredThumbnail skip(String bucket, String key, String reason) {
			return new StoredThumbnail(bucket, key, null, null, null, null, null, true, reason);
		}
	}

	private final ThumbnailPlanner planner = new ThumbnailPlanner();
	private final StorageBuckets storage;
	private final Thumbnailer thumbnailer;
	private final int maxBytes;

	StoreThumbnailFunction(StorageBuckets storage, Thumbnailer thumbnailer, int maxBytes) {
		this.storage = storage;
		this.thumbnailer = thumbnailer;
		this.maxBytes = maxBytes;
	}

	@Override
	public StoredThumbnail apply(StorageObjectEvent event) {
		ThumbnailPlanner.ThumbnailPlan plan = planner.apply(event);
		ObjectStorage bucket = storage.bucket(STORAGE);
		if (plan.target() == null) {
			return StoredThumbnail.skip(bucket.bucket(), plan.source(), plan.reason());
		}
		if (event.bucket() != null && !event.bucket().equals(bucket.bucket())) {
			return StoredThumbnail.skip(event.bucket(), plan.source(), "the event is for another bucket than storage '"
					+ STORAGE + "' (polyfn.storage." + STORAGE + ".bucket is '" + bucket.bucket() + "')");
		}
		Thumbnailer.Thumbnail thumbnail;
		try (ObjectContent image = bucket.get(plan.source())) {
			thumbnail = thumbnailer.make(image.readAllBytes(maxBytes), Thumbnailer.Format.PNG);
		}
		catch (StorageException.TooLarge tooLarge) {
			return StoredThumbnail.skip(bucket.bucket(), plan.source(), "the object is larger than " + maxBytes
					+ " bytes (polyfn.examples.thumbnail.max-bytes)");
		}
		catch (StorageException notRead) {
			throw notRead;
		}
		catch (FunctionStatusException refused) {
			if (refused.status() != 400 && refused.status() != 413) {
				throw refused;
			}
			return StoredThumbnail.skip(bucket.bucket(), plan.source(), refused.getMessage());
		}
		if (thumbnail == null) {
			throw new FunctionStatusException(503, "Every image decoder is busy; the event is retried");
		}
		PutResult written = bucket.put(plan.target(), thumbnail.bytes(), PutOptions.contentType(thumbnail.contentType()));
		return new StoredThumbnail(bucket.bucket(), plan.source(), written.key(), thumbnail.width(), thumbnail.height(),
				written.size(), written.etag(), null, null);
	}
}
