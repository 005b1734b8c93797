package dev.polyfn.local.events;

import java.util.Locale;

/** The portable triggers of {@code polyfn.deploy.<name>.trigger}. */
public enum Trigger {

	HTTP, QUEUE, STORAGE, SCHEDULE, PUBSUB;

	public String id() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static Trigger of(String id) {
		try {
			return valueOf(id.trim().toUpperCase(Locale.ROOT));
		}
		catch (RuntimeException e) {
			throw new IllegalArgumentException("polyfn.trigger=" + id + " is not one of http, queue, storage, schedule, pubsub");
		}
	}
}
