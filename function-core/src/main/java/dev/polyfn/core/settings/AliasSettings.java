package dev.polyfn.core.settings;

import java.util.function.UnaryOperator;

/**
 * How storage and messaging aliases read their settings: {@code <prefix><alias>.<name>} first, then the provider's
 * own default {@code <prefix><provider>.<name>}, so a setting common to every alias is written once. Blank counts as
 * unset; values are trimmed.
 */
public final class AliasSettings {

	private AliasSettings() {
	}

	/** The alias's setting, else the provider's; null when neither is set. */
	public static String get(UnaryOperator<String> properties, String prefix, String alias, String provider, String name) {
		String value = trimmed(properties.apply(prefix + alias + "." + name));
		return value != null ? value : trimmed(properties.apply(prefix + provider + "." + name));
	}

	/** A setting by its own name (a runtime's variable such as {@code FC_REGION}); null when unset or blank. */
	public static String raw(UnaryOperator<String> properties, String name) {
		return trimmed(properties.apply(name));
	}

	private static String trimmed(String value) {
		return value == null || value.isBlank() ? null : value.trim();
	}
}
