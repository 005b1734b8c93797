package dev.polyfn.core.http;

import java.time.Duration;

import org.springframework.core.env.Environment;
import org.springframework.util.unit.DataSize;

/**
 * What polyfn's HTTP server allows a client, so no client can hold a thread, memory or the work queue for long:
 * read from {@code polyfn.http.*} properties (see the README's "HTTP server limits").
 *
 * @param headerTimeout time from a request's first byte to the end of its headers (slow clients get 408)
 * @param bodyTimeout longest pause while a body is sent or a response is read
 * @param idleTimeout how long a kept-alive connection may wait for its next request
 * @param maxHeaderCount header lines per request (more: 431)
 * @param maxHeaderBytes request line plus headers (more: 431)
 * @param maxUrlLength request target, path and query (longer: 414)
 * @param maxBodySize body limit ({@code polyfn.max-body-size}; more: 413)
 * @param threads workers that run functions
 * @param queueCapacity requests that may wait for a worker (more: 503 with Retry-After)
 * @param maxConnections open connections (more: 503 and close)
 * @param drainDeadline on shutdown, how long in-flight requests may take to finish
 */
public record HttpLimits(Duration headerTimeout, Duration bodyTimeout, Duration idleTimeout, int maxHeaderCount,
		int maxHeaderBytes, int maxUrlLength, long maxBodySize, int threads, int queueCapacity, int maxConnections,
		Duration drainDeadline) {

	public static HttpLimits defaults(long maxBodySize, int threads) {
		return new HttpLimits(Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(60), 100, 16 * 1024,
				8 * 1024, maxBodySize, threads, 64, 1024, Duration.ofSeconds(10));
	}

	/** Reads text properties itself: the light bootstrap has no Boot conversion service. */
	public static HttpLimits from(Environment env, long maxBodySize, int threads) {
		HttpLimits d = defaults(maxBodySize, threads);
		return new HttpLimits(duration(env, "polyfn.http.header-timeout", d.headerTimeout),
				duration(env, "polyfn.http.body-timeout", d.bodyTimeout),
				duration(env, "polyfn.http.idle-timeout", d.idleTimeout),
				integer(env, "polyfn.http.max-header-count", d.maxHeaderCount),
				(int) bytes(env, "polyfn.http.max-header-size", d.maxHeaderBytes),
				(int) bytes(env, "polyfn.http.max-url-length", d.maxUrlLength), maxBodySize, threads,
				integer(env, "polyfn.http.queue-capacity", d.queueCapacity),
				integer(env, "polyfn.http.max-connections", d.maxConnections),
				duration(env, "polyfn.http.drain-deadline", d.drainDeadline));
	}

	private static Duration duration(Environment env, String name, Duration fallback) {
		String value = env.getProperty(name);
		if (value == null || value.isBlank()) {
			return fallback;
		}
		String text = value.trim().toLowerCase(java.util.Locale.ROOT);
		try {
			if (text.endsWith("ms")) {
				return Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
			}
			if (text.endsWith("s")) {
				return Duration.ofSeconds(Long.parseLong(text.substring(0, text.length() - 1)));
			}
			return Duration.ofSeconds(Long.parseLong(text));
		}
		catch (NumberFormatException e) {
			throw new IllegalArgumentException(name + " must be a duration such as 10s or 500ms, not '" + value + "'");
		}
	}

	private static int integer(Environment env, String name, int fallback) {
		String value = env.getProperty(name);
		try {
			return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
		}
		catch (NumberFormatException e) {
			throw new IllegalArgumentException(name + " must be a whole number, not '" + value + "'");
		}
	}

	private static long bytes(Environment env, String name, long fallback) {
		String value = env.getProperty(name);
		return value == null || value.isBlank() ? fallback : DataSize.parse(value.trim()).toBytes();
	}
}
