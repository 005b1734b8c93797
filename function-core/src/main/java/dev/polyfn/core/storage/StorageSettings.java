package dev.polyfn.core.storage;

import java.util.function.UnaryOperator;

/**
 * What one storage alias is configured with: {@code polyfn.storage.<alias>.<name>} first, then the provider's
 * own default {@code polyfn.storage.<provider>.<name>} (e.g. {@code polyfn.storage.local.root}), so a setting
 * common to every alias is written once.
 */
public record StorageSettings(String alias, String bucket, String provider, UnaryOperator<String> properties) {

	public static final String PREFIX = "polyfn.storage.";

	/** The setting, or null when neither the alias nor the provider sets it (blank counts as unset). */
	public String get(String name) {
		String value = properties.apply(PREFIX + alias + "." + name);
		if (value == null || value.isBlank()) {
			value = properties.apply(PREFIX + provider + "." + name);
		}
		return value == null || value.isBlank() ? null : value.trim();
	}

	public String get(String name, String fallback) {
		String value = get(name);
		return value == null ? fallback : value;
	}

	public boolean flag(String name, boolean fallback) {
		String value = get(name);
		if (value == null) {
			return fallback;
		}
		if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
			throw new IllegalStateException(PREFIX + alias + "." + name + " is true or false, not '" + value + "'");
		}
		return Boolean.parseBoolean(value);
	}
}
