package dev.polyfn.examples;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Memory for decoding, shared by all concurrent thumbnails: half the maximum heap, counted in KiB. Each decode
 * takes what it may need at most ({@link #costOf}) before it starts and gives it back when done, so any number of
 * concurrent uploads, bombs or not, stays inside the heap; requests past the budget wait, boundedly.
 */
final class DecodeBudget {

	private static final int KIB = 1024;

	private final Semaphore kibibytes;
	private final int total;

	DecodeBudget(long bytes) {
		this.total = (int) Math.max(1, Math.min(Integer.MAX_VALUE, bytes / KIB));
		this.kibibytes = new Semaphore(total, true);
	}

	static DecodeBudget halfTheHeap() {
		return new DecodeBudget(Runtime.getRuntime().maxMemory() / 2);
	}

	/**
	 * The most a decode of this image can hold: the subsampled raster at 8 bytes a pixel (16-bit RGBA), row
	 * buffers of the declared width, the thumbnail and its encoding; for JPEG also the whole-image coefficient
	 * buffers libjpeg keeps (natively) for a progressive image.
	 */
	static long costOf(int width, int height, int step, int thumbnailPixels, boolean jpeg) {
		long decoded = (long) ceilDiv(width, step) * ceilDiv(height, step) * 8;
		long rows = (long) width * 16;
		long thumbnail = (long) thumbnailPixels * 8;
		long progressiveJpeg = jpeg ? (long) width * height * 6 : 0;
		return decoded + rows + thumbnail + progressiveJpeg;
	}

	/** A held share of the budget, or null when none came free within the wait. */
	Share acquire(long bytes, Duration wait) throws InterruptedException {
		int permits = (int) Math.min(total, Math.max(1, bytes / KIB));
		if (!kibibytes.tryAcquire(permits, wait.toMillis(), TimeUnit.MILLISECONDS)) {
			return null;
		}
		return new Share(permits);
	}

	int available() {
		return kibibytes.availablePermits();
	}

	private static int ceilDiv(int value, int divisor) {
		return (value + divisor - 1) / divisor;
	}

	/** Gives the memory back on close. */
	final class Share implements AutoCloseable {

		private final int permits;

		private Share(int permits) {
			this.permits = permits;
		}

		@Override
		public void close() {
			kibibytes.release(permits);
		}
	}
}
