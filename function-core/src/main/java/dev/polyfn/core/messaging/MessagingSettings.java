package dev.polyfn.core.messaging;

import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * What one messaging alias is configured with: {@code polyfn.messaging.<alias>.<name>} first, then the provider's own
 * default {@code polyfn.messaging.<provider>.<name>} (e.g. {@code polyfn.messaging.kafka.bootstrap-servers}), so a
 * setting common to every alias is written once.
 */
public record MessagingSettings(String alias, String destination, Kind kind, String provider, UnaryOperator<String> properties) {

	public static final String PREFIX = "polyfn.messaging.";

	/**
	 * What the destination is, portably ({@code polyfn.messaging.<alias>.kind}, default {@code queue}): a queue has
	 * one consumer per message (SQS, an Azure Storage queue, an MNS queue), a topic fans each message out to its
	 * subscribers (SNS, an MNS topic). Where a cloud has one service for both (Pub/Sub topics, CKafka topics) the two
	 * kinds are the same thing; the deploy plan creates what the kind says on the others.
	 */
	public enum Kind {
		QUEUE, TOPIC;

		/** {@code queue} or {@code topic} (any case); null or blank is {@link #QUEUE}. */
		public static Kind of(String value, String alias) {
			if (value == null || value.isBlank()) {
				return QUEUE;
			}
			return switch (value.trim().toLowerCase(Locale.ROOT)) {
				case "queue" -> QUEUE;
				case "topic" -> TOPIC;
				default -> throw new IllegalStateException(PREFIX + alias + ".kind is queue or topic, not '" + value.trim() + "'");
			};
		}
	}

	/** The environment variable of an alias's setting: {@code order-results}, {@code destination} → {@code POLYFN_MESSAGING_ORDER_RESULTS_DESTINATION}. */
	public static String environmentVariable(String alias, String name) {
		return ("POLYFN_MESSAGING_" + alias + "_" + name).replace('-', '_').toUpperCase(Locale.ROOT);
	}

	/** A setting by its own name, not under {@code polyfn.messaging.} (a runtime's variable such as {@code FC_REGION}); null when unset or blank. */
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
}
