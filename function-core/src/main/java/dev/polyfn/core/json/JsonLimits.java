package dev.polyfn.core.json;

import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;

/**
 * The rules every JSON document polyfn reads is held to: cloud events, CloudEvents, function input. Limits
 * (always): nesting depth, string, number and property-name length. Strictness (by default; {@code
 * polyfn.json.strict=false} as a system property, or {@code POLYFN_JSON_STRICT=false}, relaxes it to Jackson's
 * own defaults): a repeated key, a fraction for an integer, a number out of its type's range is a 400, not a
 * silently different value. Read once per process, before any Spring environment exists: the shared mapper
 * serves event parsing, which runs before and outside Spring's.
 */
public final class JsonLimits {

	public static final String STRICT_PROPERTY = "polyfn.json.strict";

	/** Deeper than any cloud event (under 10) or sane payload; Jackson's own default is 500. */
	public static final int MAX_NESTING_DEPTH = 256;

	/** One string value, in characters: the default request body limit ({@code polyfn.max-body-size}, 10 MB). */
	public static final int MAX_STRING_LENGTH = 10_000_000;

	/** Digits (and sign, point, exponent) of one number: Jackson's default. */
	public static final int MAX_NUMBER_LENGTH = 1_000;

	/** One property name, in characters. */
	public static final int MAX_NAME_LENGTH = 10_000;

	/** Of a decimal read as {@code BigDecimal}: {@code 1e2147483647} is 12 characters and fails any arithmetic. */
	public static final int MAX_DECIMAL_EXPONENT = 10_000;

	private static final boolean STRICT = strictFrom(System.getProperty(STRICT_PROPERTY),
			System.getenv("POLYFN_JSON_STRICT"));

	private JsonLimits() {
	}

	public static boolean strict() {
		return STRICT;
	}

	static boolean strictFrom(String property, String environment) {
		String value = property != null ? property : environment;
		return value == null || !value.trim().equalsIgnoreCase("false");
	}

	public static StreamReadConstraints constraints() {
		return StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING_DEPTH).maxStringLength(MAX_STRING_LENGTH)
			.maxNumberLength(MAX_NUMBER_LENGTH).maxNameLength(MAX_NAME_LENGTH).build();
	}

	/** jackson-core's factory with these rules, for streaming readers that need no databind mapper. */
	public static JsonFactory streamFactory() {
		var builder = JsonFactory.builder().streamReadConstraints(constraints());
		if (STRICT) {
			builder.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
		}
		return builder.build();
	}
}
