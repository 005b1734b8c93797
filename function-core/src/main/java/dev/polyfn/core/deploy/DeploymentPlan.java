package dev.polyfn.core.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.polyfn.core.boot.PackageTimeFunctions;

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
 * With no {@code polyfn.deploy.*} entries each function bean of the application is one HTTP deployment named after
 * the bean (one bean, one deployment). A plan never names a function that does not exist: an entry whose function
 * (its name, or its {@code definition}) is no bean fails the build, naming the setting. When the application
 * cannot be read (a packager run without its class path), the plan is one HTTP function of the default definition.
 */
public final class DeploymentPlan {

	public static final int DEFAULT_MEMORY_MB = 1024;
	public static final int DEFAULT_TIMEOUT_SECONDS = 30;

	private static final Pattern FUNCTION_KEY = Pattern.compile("polyfn\\.deploy\\.([A-Za-z0-9_$-]+)\\.(trigger|source|every|definition|memory|timeout)");

	private DeploymentPlan() {
	}

	/**
	 * Reads {@code application.properties} from a build's classes folder (target/classes) and checks it against the
	 * application's function beans ({@link PackageTimeFunctions}), or makes one HTTP deployment per bean when it
	 * lists none.
	 */
	public static List<FunctionDeployment> fromClassesDir(Path classes, String fallbackName) {
		Properties properties = new Properties();
		Path file = classes.resolve("application.properties");
		if (Files.isRegularFile(file)) {
			try (InputStream in = Files.newInputStream(file)) {
				properties.load(in);
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}
		Optional<List<String>> beans = PackageTimeFunctions.of(classes);
		if (beans.isEmpty()) {
			return from(properties, fallbackName);
		}
		List<FunctionDeployment> listed = entries(properties);
		if (listed.isEmpty()) {
			return beans.get().isEmpty() ? from(properties, fallbackName) : oneHttpDeploymentPerBean(properties, beans.get());
		}
		for (FunctionDeployment deployment : listed) {
			checkNamesABean(deployment, beans.get());
		}
		return listed;
	}

	private static List<FunctionDeployment> oneHttpDeploymentPerBean(Properties properties, List<String> beans) {
		int memory = intValue(properties, "polyfn.deploy.memory", DEFAULT_MEMORY_MB);
		int timeout = intValue(properties, "polyfn.deploy.timeout", DEFAULT_TIMEOUT_SECONDS);
		return beans.stream()
			.map(bean -> new FunctionDeployment(bean, bean, FunctionDeployment.Trigger.HTTP, null, null, memory, timeout))
			.toList();
	}

	/** A definition may compose functions ({@code a|b}) or name several ({@code a,b}): each must be a bean. */
	static void checkNamesABean(FunctionDeployment deployment, List<String> beans) {
		for (String part : deployment.definition().split("[|,]")) {
			if (!beans.contains(part.trim())) {
				boolean explicit = !deployment.definition().equals(deployment.name());
				throw new IllegalArgumentException("polyfn.deploy." + deployment.name()
						+ (explicit ? ".definition=" + deployment.definition() : "") + " names no function: '" + part.trim()
						+ "' is not a function bean of the application; its function beans are " + beans);
			}
		}
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
	static List<FunctionDeployment> entries(Properties properties) {
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
					every, intValue(properties, prefix + "memory", memory), intValue(properties, prefix + "timeout", timeout)));
		}
		return plan;
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

	private static int intValue(Properties properties, String key, int fallback) {
		String value = properties.getProperty(key);
		return value == null ? fallback : Integer.parseInt(value.trim());
	}
}
