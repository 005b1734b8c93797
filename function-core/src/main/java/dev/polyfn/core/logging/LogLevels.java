package dev.polyfn.core.logging;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.slf4j.event.Level;

/**
 * The {@code logging.level.*} settings, read the way Spring Boot reads them: {@code logging.level.root} and
 * {@code logging.level.<logger>} from system properties, application.properties and the environment
 * ({@code LOGGING_LEVEL_ROOT}, {@code LOGGING_LEVEL_DEV_POLYFN}); the most specific logger name wins. Lambda's own
 * {@code AWS_LAMBDA_LOG_LEVEL} (advanced logging controls) sets the root level when nothing else does.
 */
final class LogLevels {

	static final String PREFIX = "logging.level.";

	private static final String ENV_PREFIX = "LOGGING_LEVEL_";

	/** Level per logger name ("" is the root); {@code OFF} is kept as null. */
	private final Map<String, Level> levels;

	private LogLevels(Map<String, Level> levels) {
		this.levels = levels;
	}

	/** From the process environment and system properties only: what is known before the application starts. */
	static LogLevels fromProcess(Map<String, String> env, Map<Object, Object> systemProperties) {
		Map<String, String> settings = lambdaDefault(env);
		env.forEach((name, value) -> put(settings, name, value));
		systemProperties.forEach((name, value) -> put(settings, String.valueOf(name), String.valueOf(value)));
		return of(settings);
	}

	/**
	 * polyfn's own defaults, below every setting: azure-core's JDK HttpClient adapter warns on every request with a
	 * body that the JDK sets Content-Length itself (it does, correctly), which would put a WARN line in a storage
	 * function's log per upload.
	 */
	static final Map<String, String> LIBRARY_DEFAULTS = Map.of("com.azure.core.http.jdk.httpclient.JdkHttpClient", "ERROR");

	/** Lambda's {@code AWS_LAMBDA_LOG_LEVEL} as the root level, over polyfn's library defaults: the lowest settings of all. */
	static Map<String, String> lambdaDefault(Map<String, String> env) {
		Map<String, String> settings = new LinkedHashMap<>(LIBRARY_DEFAULTS);
		String lambdaLevel = env.get("AWS_LAMBDA_LOG_LEVEL");
		if (lambdaLevel != null) {
			settings.put("root", lambdaLevel);
		}
		return settings;
	}

	/** Records {@code property=value} when the property is a level setting; a later one for a logger wins. */
	static void put(Map<String, String> settings, String property, String value) {
		String logger = loggerOf(property);
		if (logger != null) {
			settings.put(logger, value);
		}
	}

	/** The logger a property names: {@code logging.level.dev.polyfn} or {@code LOGGING_LEVEL_DEV_POLYFN}; else null. */
	static String loggerOf(String property) {
		if (property.startsWith(PREFIX)) {
			return property.substring(PREFIX.length());
		}
		if (property.startsWith(ENV_PREFIX)) {
			return property.substring(ENV_PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '.');
		}
		return null;
	}

	/** From resolved {@code logging.level.<name>} settings (name without the prefix; "root" is the root). */
	static LogLevels of(Map<String, String> settings) {
		Map<String, Level> levels = new HashMap<>();
		settings.forEach((name, value) -> {
			Level level = parse(value);
			if (level != null || "OFF".equalsIgnoreCase(value.trim())) {
				levels.put(loggerName(name), level);
			}
		});
		return new LogLevels(levels);
	}

	/** The level of a logger: that of the longest configured prefix of its name, else the root's, else INFO. */
	Level levelOf(String logger) {
		String name = logger;
		while (true) {
			if (levels.containsKey(name)) {
				return levels.get(name);
			}
			if (name.isEmpty()) {
				return Level.INFO;
			}
			int dot = name.lastIndexOf('.');
			name = dot < 0 ? "" : name.substring(0, dot);
		}
	}

	private static String loggerName(String name) {
		return "root".equalsIgnoreCase(name) ? "" : name;
	}

	private static Level parse(String value) {
		if (value == null) {
			return null;
		}
		return switch (value.trim().toUpperCase(Locale.ROOT)) {
			case "TRACE" -> Level.TRACE;
			case "DEBUG" -> Level.DEBUG;
			case "INFO" -> Level.INFO;
			case "WARN", "WARNING" -> Level.WARN;
			case "ERROR", "FATAL" -> Level.ERROR;
			default -> null;
		};
	}
}
