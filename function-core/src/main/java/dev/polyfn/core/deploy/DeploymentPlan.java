package dev.polyfn.core.deploy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;


/**
 * Which functions a {@code -P<cloud>} build deploys and how they are triggered, read from the application's
 * {@code application.properties} so that all five clouds' descriptors come from one cloud-neutral list:
 *
 * <pre>
 * polyfn.deploy.reverse.trigger=http
 * polyfn.deploy.processOrder.trigger=queue
 * polyfn.deploy.processOrder.source=orders
 * polyfn.deploy.cleanupExpired.trigger=schedule
 * polyfn.deploy.cleanupExpired.every=1h
 * polyfn.deploy.memory=1024        # defaults for every function; each may override
 * polyfn.deploy.timeout=30
 * </pre>
 *
 * This is the reading of those entries, which Tencent's event function also does at run time to route its triggers;
 * the packagers check the plan against the application's beans (polyfn-packaging's {@code PlanFromBeans}).
 */
public final class DeploymentPlan {

	public static final int DEFAULT_MEMORY_MB = 1024;
	public static final int DEFAULT_TIMEOUT_SECONDS = 30;

	private static final Pattern FUNCTION_KEY = Pattern.compile("polyfn\\.deploy\\.([A-Za-z0-9_$-]+)\\.(trigger|source|every|definition|memory|timeout|storage|messaging)");

	private DeploymentPlan() {
	}

	public static List<FunctionDeployment> from(Properties properties, String fallbackName) {
		List<FunctionDeployment> plan = entries(properties);
		if (plan.isEmpty()) {
			int memory = intValue(properties, "polyfn.deploy.memory", DEFAULT_MEMORY_MB);
			int timeout = intValue(properties, "polyfn.deploy.timeout", DEFAULT_TIMEOUT_SECONDS);
			plan = List.of(new FunctionDeployment(fallbackName, null, FunctionDeployment.Trigger.HTTP, null, null, memory, timeout));
		}
		return plan;
	}

	/** The functions {@code polyfn.deploy.<name>.*} lists, in name order. */
	public static List<FunctionDeployment> entries(Properties properties) {
		int memory = intValue(properties, "polyfn.deploy.memory", DEFAULT_MEMORY_MB);
		int timeout = intValue(properties, "polyfn.deploy.timeout", DEFAULT_TIMEOUT_SECONDS);
		Set<String> names = new LinkedHashSet<>();
		properties.stringPropertyNames().stream().sorted().forEach(key -> {
			Matcher m = FUNCTION_KEY.matcher(key);
			if (m.matches()) {
				names.add(m.group(1));
			}
		});
		List<FunctionDeployment> plan = new ArrayList<>();
		for (String name : names) {
			String prefix = "polyfn.deploy." + name + ".";
			FunctionDeployment.Trigger trigger = trigger(properties.getProperty(prefix + "trigger", "http"), name);
			Duration every = trigger == FunctionDeployment.Trigger.SCHEDULE
					? duration(properties.getProperty(prefix + "every", "1h"), name) : null;
			String source = properties.getProperty(prefix + "source");
			if (source == null && trigger != FunctionDeployment.Trigger.HTTP && trigger != FunctionDeployment.Trigger.SCHEDULE) {
				source = name.toLowerCase(Locale.ROOT) + "-" + trigger.name().toLowerCase(Locale.ROOT);
			}
			plan.add(new FunctionDeployment(name, properties.getProperty(prefix + "definition", name), trigger, source,
					every, intValue(properties, prefix + "memory", memory), intValue(properties, prefix + "timeout", timeout),
					storageAliases(properties, properties.getProperty(prefix + "storage"), name),
					messagingAliases(properties, properties.getProperty(prefix + "messaging"), name)));
		}
		return plan;
	}

	/** {@code uploads, reports}: aliases as {@link dev.polyfn.core.storage.StorageBuckets} takes them. */
	private static List<FunctionDeployment.StorageUse> storageAliases(Properties properties, String value, String name) {
		List<FunctionDeployment.StorageUse> aliases = new ArrayList<>();
		for (String alias : aliasList(value, "polyfn.deploy." + name + ".storage", "storage")) {
			aliases.add(new FunctionDeployment.StorageUse(alias, bucketOf(properties, alias)));
		}
		return aliases;
	}

	/** {@code order-results, alerts}: aliases as {@link dev.polyfn.core.messaging.MessageDestinations} takes them. */
	private static List<FunctionDeployment.MessagingUse> messagingAliases(Properties properties, String value, String name) {
		List<FunctionDeployment.MessagingUse> aliases = new ArrayList<>();
		for (String alias : aliasList(value, "polyfn.deploy." + name + ".messaging", "messaging")) {
			String destination = properties.getProperty("polyfn.messaging." + alias + ".destination");
			aliases.add(new FunctionDeployment.MessagingUse(alias, destination == null || destination.isBlank() ? alias : destination.trim(),
					dev.polyfn.core.messaging.MessagingSettings.Kind.of(properties.getProperty("polyfn.messaging." + alias + ".kind"), alias)));
		}
		return aliases;
	}

	private static List<String> aliasList(String value, String key, String kind) {
		if (value == null || value.isBlank()) {
			return List.of();
		}
		List<String> aliases = new ArrayList<>();
		for (String alias : value.split(",")) {
			String trimmed = alias.trim();
			if (!dev.polyfn.core.storage.StorageSettings.ALIAS.matcher(trimmed).matches()) {
				throw new IllegalArgumentException(key + "=" + value + ": a " + kind + " alias is lower-case letters, digits and '-', starting with a letter");
			}
			aliases.add(trimmed);
		}
		return aliases;
	}

	/** The bucket a storage alias names in the settings ({@code polyfn.storage.<alias>.bucket}), else the alias. */
	static String bucketOf(Properties properties, String alias) {
		String bucket = properties.getProperty("polyfn.storage." + alias + ".bucket");
		return bucket == null || bucket.isBlank() ? alias : bucket.trim();
	}

	private static FunctionDeployment.Trigger trigger(String value, String name) {
		try {
			return FunctionDeployment.Trigger.valueOf(value.trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			throw new IllegalArgumentException("polyfn.deploy." + name + ".trigger=" + value
					+ " is not one of http, queue, storage, schedule, pubsub");
		}
	}

	/** {@code 30s}, {@code 5m}, {@code 1h}, {@code 1d}, or an ISO-8601 duration. */
	static Duration duration(String value, String name) {
		String v = value.trim().toLowerCase(Locale.ROOT);
		try {
			if (v.startsWith("p")) {
				return Duration.parse(value.trim());
			}
			long amount = Long.parseLong(v.substring(0, v.length() - 1));
			return switch (v.charAt(v.length() - 1)) {
				case 's' -> Duration.ofSeconds(amount);
				case 'm' -> Duration.ofMinutes(amount);
				case 'h' -> Duration.ofHours(amount);
				case 'd' -> Duration.ofDays(amount);
				default -> throw new IllegalArgumentException();
			};
		}
		catch (RuntimeException e) {
			throw new IllegalArgumentException("polyfn.deploy." + name + ".every=" + value + " is not a duration such as 5m, 1h or 1d");
		}
	}

	public static int intValue(Properties properties, String key, int fallback) {
		String value = properties.getProperty(key);
		return value == null ? fallback : Integer.parseInt(value.trim());
	}
}
