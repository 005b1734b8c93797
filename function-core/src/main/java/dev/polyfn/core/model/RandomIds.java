package dev.polyfn.core.model;

import java.security.SecureRandom;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Version-4 UUIDs for request and event ids that nobody has to guess: from {@link ThreadLocalRandom}, not
 * {@code UUID.randomUUID()}, whose {@code SecureRandom} costs a cold start ~20 ms to seed and every call a lock.
 * A snapshot-restored process (Lambda SnapStart) calls {@link #reseed()}, so that copies restored from one
 * snapshot do not repeat each other's ids.
 */
public final class RandomIds {

	private static volatile long saltHigh;
	private static volatile long saltLow;

	private RandomIds() {
	}

	public static String next() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		long most = ((random.nextLong() ^ saltHigh) & ~0xF000L) | 0x4000L;
		long least = ((random.nextLong() ^ saltLow) & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
		return new UUID(most, least).toString();
	}

	/** New salt from the system's entropy source: after a snapshot restore, each copy gets its own. */
	public static void reseed() {
		SecureRandom entropy = new SecureRandom();
		saltHigh = entropy.nextLong();
		saltLow = entropy.nextLong();
	}
}
