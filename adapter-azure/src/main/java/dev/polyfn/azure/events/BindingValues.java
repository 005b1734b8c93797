package dev.polyfn.azure.events;

import dev.polyfn.core.events.JsonEvents;
import tools.jackson.core.JacksonException;

/**
 * Trigger metadata bound to a {@code String} parameter ({@code @BindingName("InsertionTime")}) arrives as the
 * host sent it: plain text, or JSON text when the host typed it as JSON, in which case a string value keeps its
 * quotes ({@code "2019-10-09T17:58:31+00:00"} with the quotes). Both read the same here.
 */
public final class BindingValues {

	private BindingValues() {
	}

	public static String text(String bound) {
		if (bound == null || bound.length() < 2 || bound.charAt(0) != '"' || bound.charAt(bound.length() - 1) != '"') {
			return bound;
		}
		try {
			return JsonEvents.mapper().readValue(bound, String.class);
		}
		catch (JacksonException notJson) {
			return bound;
		}
	}
}
