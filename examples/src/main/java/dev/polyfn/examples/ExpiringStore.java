package dev.polyfn.examples;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Records with an expiry time, in memory: the stand-in for a table with a TTL column. */
public class ExpiringStore {

	private final Map<String, Instant> expiries = new ConcurrentHashMap<>();

	public void put(String id, Instant expiresAt) {
		expiries.put(id, expiresAt);
	}

	/** Removes every record whose expiry is at or before {@code now}; returns how many went. */
	public int removeExpired(Instant now) {
		int before = expiries.size();
		expiries.values().removeIf(expiry -> !expiry.isAfter(now));
		return before - expiries.size();
	}

	public int size() {
		return expiries.size();
	}
}
