package dev.polyfn.core.storage;

import java.util.function.UnaryOperator;

/**
 * What one storage alias is configured with: {@code polyfn.storage.<alias>.<name>} first, then the provider's
 * own default {@code polyfn.storage.<provider>.<name>} (e.g. {@code polyfn.storage.local.root}), so a setting
 * common to every alias is written once.
 */
public record StorageSettings(String alias, String bucket, String provider, UnaryOperator<String> properties) {

	public static final String PREFIX = "polyfn.storage.";

	/** A storage alias: part of property names and environment variables ({@code POLYFN_STORAGE_<ALIAS>_BUCKET}). */
	public static final java.util.regex.Pattern ALIAS = java.util.regex.Pattern.compile("[a-z][a-z0-9-]{0,62}");

	/** The environment variable of an alias's setting: {@code uploads}, {@code bucket} → {@code POLYFN_STORAGE_UPLOADS_BUCKET}. */
	public static String environmentVariable(String alias, String name) {
		return ("POLYFN_STORAGE_" + alias + "_" + name).replace('-', '_').toUpperCase(java.util.Locale.ROOT);
	}

	/** A setting by its own name, not under {@code polyfn.storage.} (a runtime's variable such as {@code FC_REGION}); null when unset or blank. */
	public String raw(String name) {
		return dev.polyfn.core.settings.AliasSettings.raw(properties, name);
	}

	/** The setting, or null when neither the alias nor the provider sets it (blank counts as unset). */
	public String get(String name) {
		return dev.polyfn.core.settings.AliasSettings.get(properties, PREFIX, alias, provider, name);
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
