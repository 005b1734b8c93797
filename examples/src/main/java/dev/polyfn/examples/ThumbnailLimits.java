package dev.polyfn.examples;

import java.time.Duration;

import dev.polyfn.core.FunctionStatusException;

/**
 * What {@code thumbnail} agrees to decode, checked against the size an image declares in its header, before a
 * single pixel is read: a 35-byte GIF can declare 40000×40000 pixels, which decoded would be 6.4 GB.
 *
 * @param maxPixels declared width × height at most ({@code polyfn.examples.thumbnail.max-pixels})
 * @param maxSide declared width and height each at most ({@code polyfn.examples.thumbnail.max-side})
 * @param maxWait how long a request waits for decoding memory before it is answered 503
 *        ({@code polyfn.examples.thumbnail.max-wait})
 */
public record ThumbnailLimits(long maxPixels, int maxSide, Duration maxWait) {

	/** 40 megapixels: a 7952×5304 camera frame (Nikon Z7, 42 MP, is just over) fits; a bomb does not. */
	public static final long DEFAULT_MAX_PIXELS = 40_000_000L;

	public static final int DEFAULT_MAX_SIDE = 20_000;

	public static final Duration DEFAULT_MAX_WAIT = Duration.ofSeconds(5);

	public static ThumbnailLimits defaults() {
		return new ThumbnailLimits(DEFAULT_MAX_PIXELS, DEFAULT_MAX_SIDE, DEFAULT_MAX_WAIT);
	}

	public ThumbnailLimits {
		if (maxPixels < 1 || maxSide < 1 || maxWait.isNegative()) {
			throw new IllegalArgumentException("Thumbnail limits must be positive: " + maxPixels + " pixels, "
					+ maxSide + " per side, " + maxWait + " wait");
		}
	}

	/** 413 in the error contract when the declared size is past a limit. */
	void check(int width, int height) {
		if (width < 1 || height < 1) {
			throw Thumbnailer.unreadable();
		}
		if (width > maxSide || height > maxSide || (long) width * height > maxPixels) {
			throw new FunctionStatusException(413, "The image declares " + width + "x" + height
					+ " pixels; this function decodes at most " + maxPixels + " pixels and " + maxSide
					+ " per side (polyfn.examples.thumbnail.max-pixels, polyfn.examples.thumbnail.max-side)");
		}
	}
}
