package dev.polyfn.packaging.azure;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;

import dev.polyfn.packaging.CloudRuntime;
import dev.polyfn.packaging.CloudRuntimes;

/**
 * Azure-only packaging choices an application makes in its application.properties:
 * {@code polyfn.azure.auth-level} ({@code function}, the default; {@code anonymous}; {@code admin}) for every HTTP
 * function; {@code polyfn.azure.runtime}, the Java version of the Java-worker app ({@link CloudRuntimes}: the
 * default row unless set); {@code polyfn.azure.custom-handler.jre} ({@code true}, the default: the
 * custom-handler package carries a JRE linked from the build JDK; {@code false}: the app must provide one).
 */
record AppSettings(String authLevel, CloudRuntime runtime, boolean bundleJre) {

	static final String AUTH_LEVEL = "polyfn.azure.auth-level";
	static final String BUNDLE_JRE = "polyfn.azure.custom-handler.jre";

	private static final Set<String> AUTH_LEVELS = Set.of("function", "anonymous", "admin");

	AppSettings {
		authLevel = authLevel == null || authLevel.isBlank() ? "function" : authLevel.trim().toLowerCase(Locale.ROOT);
		if (!AUTH_LEVELS.contains(authLevel)) {
			throw new IllegalArgumentException(AUTH_LEVEL + "=" + authLevel + " is not one of " + AUTH_LEVELS);
		}
		if (runtime == null) {
			runtime = CloudRuntimes.target("azure", null);
		}
	}

	AppSettings(String authLevel) {
		this(authLevel, null, true);
	}

	static AppSettings fromClassesDir(Path classes) {
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
		return new AppSettings(properties.getProperty(AUTH_LEVEL), CloudRuntimes.target("azure", properties),
				!"false".equalsIgnoreCase(properties.getProperty(BUNDLE_JRE, "true").trim()));
	}
}
