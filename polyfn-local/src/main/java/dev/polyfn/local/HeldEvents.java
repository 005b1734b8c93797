package dev.polyfn.local;

import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The events a local runtime API hands out on its long-polled {@code next} request: a {@code next} with nothing
 * queued is held, as a platform holds a frozen instance's, until an event is queued or the API is closed.
 */
final class HeldEvents<T> {

	private final BlockingQueue<Optional<T>> pending = new LinkedBlockingQueue<>();
	private volatile boolean closed;

	void add(T event) {
		pending.add(Optional.of(event));
	}

	/** The next event, waiting for one; empty once the API is closed (or the waiting thread interrupted). */
	Optional<T> next() {
		try {
			while (!closed) {
				Optional<T> event = pending.poll(1, TimeUnit.SECONDS);
				if (event != null) {
					return event;
				}
			}
		}
		catch (InterruptedException stopped) {
			Thread.currentThread().interrupt();
		}
		return Optional.empty();
	}

	/** Releases every held {@code next} with no event. */
	void close() {
		closed = true;
		pending.add(Optional.empty());
	}
}
