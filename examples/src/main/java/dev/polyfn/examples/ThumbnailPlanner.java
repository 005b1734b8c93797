package dev.polyfn.examples;

import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.polyfn.core.FunctionStatusException;
import dev.polyfn.core.model.StorageObjectEvent;

/**
 * An object landed in a bucket → where its thumbnail goes, or why there is none (not an image, already a
 * thumbnail, deleted). The same decision on S3, Blob Storage, Cloud Storage, OSS and COS. A key that would
 * climb out of the thumbnail folder ({@code ../}, an absolute path, ...) is refused with 400 ({@link ObjectKeys}).
 */
public class ThumbnailPlanner implements Function<StorageObjectEvent, ThumbnailPlanner.ThumbnailPlan> {

	static final String PREFIX = "thumbnails/";

	private static final Set<String> IMAGE_EXTENSIONS = Set.of("png", "jpg", "jpeg", "gif", "bmp", "webp");

	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record ThumbnailPlan(String source, String target, Boolean skipped, String reason) {

		static ThumbnailPlan make(String key) {
			return new ThumbnailPlan(key, PREFIX + key, null, null);
		}

		static ThumbnailPlan skip(String key, String reason) {
			return new ThumbnailPlan(key, null, true, reason);
		}
	}

	@Override
	public ThumbnailPlan apply(StorageObjectEvent event) {
		String key = event.key();
		if (key == null || key.isBlank()) {
			throw new FunctionStatusException(400, "The storage event names no object key");
		}
		ObjectKeys.requireSafe(key);
		if (event.action() == StorageObjectEvent.Action.DELETED) {
			return ThumbnailPlan.skip(key, "the object was deleted");
		}
		if (key.startsWith(PREFIX)) {
			return ThumbnailPlan.skip(key, "the object is itself a thumbnail");
		}
		if (!isImage(event)) {
			return ThumbnailPlan.skip(key, "the object is not an image");
		}
		return ThumbnailPlan.make(key);
	}

	private static boolean isImage(StorageObjectEvent event) {
		if (event.contentType() != null && !event.contentType().isBlank()) {
			return event.contentType().toLowerCase(Locale.ROOT).startsWith("image/");
		}
		int dot = event.key().lastIndexOf('.');
		return dot >= 0 && IMAGE_EXTENSIONS.contains(event.key().substring(dot + 1).toLowerCase(Locale.ROOT));
	}
}
