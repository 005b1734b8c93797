package dev.polyfn.core.logging;

import java.util.Locale;
import java.util.Map;

import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;

/**
 * Which SLF4J binding a polyfn cloud runtime uses. By default polyfn's own ({@link PolyfnLoggerProvider}): the
 * same {@code logging.level.*} settings, one line per event on standard output, and none of Logback's start-up
 * cost. {@code POLYFN_LOGGING=logback} (or a {@code logback.xml} / {@code logback-spring.xml} in the
 * application) keeps Logback; so does the full Spring Boot bootstrap, whose logging system expects it.
 */
public final class PolyfnLogging {

	static final String PROVIDER_PROPERTY = "slf4j.provider";
	static final String SETTING = "polyfn.logging";
	static final String COMMONS_LOGGING_FACTORY = "org.apache.commons.logging.LogFactory";

	private static final String LOGBACK_CLASS = "ch/qos/logback/classic/LoggerContext.class";

	private static final String[] LOGBACK_FILES = { "logback.xml", "logback-spring.xml", "logback-test.xml" };

	private PolyfnLogging() {
	}

	/** Whether Logback is in this package (cloud packages leave it out unless the application configures it). */
	public static boolean hasLogback(ClassLoader loader) {
		return loader.getResource(LOGBACK_CLASS) != null;
	}

	/**
	 * Chooses the binding; must run before the first logger of the process is created (SLF4J binds once).
	 * Returns whether polyfn's binding was chosen.
	 */
	public static boolean select(ClassLoader loader) {
		// Spring logs through Commons Logging; naming its SLF4J bridge skips a discovery that costs ~25 ms per start.
		if (System.getProperty(COMMONS_LOGGING_FACTORY) == null) {
			System.setProperty(COMMONS_LOGGING_FACTORY, "org.apache.commons.logging.impl.Slf4jLogFactory");
		}
		if (System.getProperty(PROVIDER_PROPERTY) != null) {
			return PolyfnLoggerProvider.class.getName().equals(System.getProperty(PROVIDER_PROPERTY));
		}
		String setting = System.getProperty(SETTING, System.getenv().getOrDefault("POLYFN_LOGGING", "auto"))
			.trim().toLowerCase(Locale.ROOT);
		if (setting.equals("logback") || (setting.equals("auto") && hasLogbackConfiguration(loader))) {
			if (hasLogback(loader)) {
				return false;
			}
			// Cloud packages leave Logback out unless the application has a logback.xml: say so once, log on.
			System.err.println("polyfn: POLYFN_LOGGING=logback, but Logback is not in this package (it ships only "
					+ "with a logback.xml or logback-spring.xml in the application); using polyfn's logging");
		}
		System.setProperty(PROVIDER_PROPERTY, PolyfnLoggerProvider.class.getName());
		// SLF4J announces an explicitly chosen provider on stderr at INFO; that line would be in every cold start.
		if (System.getProperty("slf4j.internal.verbosity") == null) {
			System.setProperty("slf4j.internal.verbosity", "WARN");
		}
		// A Spring Boot application started later in this JVM must not try to configure Logback under our binding.
		if (System.getProperty("org.springframework.boot.logging.LoggingSystem") == null) {
			System.setProperty("org.springframework.boot.logging.LoggingSystem", "none");
		}
		return true;
	}

	/**
	 * Applies the application's {@code logging.level.*} settings (application.properties, environment, system
	 * properties, in Spring's precedence) once its environment is ready. Does nothing under another binding.
	 */
	public static void configure(ConfigurableEnvironment environment) {
		PolyfnLoggerFactory factory = PolyfnLoggerProvider.active();
		if (factory == null) {
			return;
		}
		Map<String, String> settings = LogLevels.lambdaDefault(System.getenv());
		// Lowest precedence first, so that the winning source is applied last.
		var sources = environment.getPropertySources().stream().toList();
		for (int i = sources.size() - 1; i >= 0; i--) {
			if (sources.get(i) instanceof EnumerablePropertySource<?> enumerable) {
				for (String name : enumerable.getPropertyNames()) {
					LogLevels.put(settings, name, String.valueOf(enumerable.getProperty(name)));
				}
			}
		}
		factory.reconfigure(LogLevels.of(settings));
	}

	private static boolean hasLogbackConfiguration(ClassLoader loader) {
		for (String file : LOGBACK_FILES) {
			if (loader.getResource(file) != null) {
				return true;
			}
		}
		return false;
	}
}
