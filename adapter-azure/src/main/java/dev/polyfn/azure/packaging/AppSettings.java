package dev.polyfn.azure.packaging;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;

/**
 * Azure-only packaging choices an application makes in its application.properties:
 * {@code polyfn.azure.auth-level} ({@code function}, the default; {@code anonymous}; {@code admin}) for every HTTP
 * function.
 */
record AppSettings(String authLevel) {

	static final String AUTH_LEVEL = "polyfn.azure.auth-level";

	private static final Set<String> AUTH_LEVELS = Set.of("function", "anonymous", "admin");

	AppSettings {
		authLevel = authLevel == null || authLevel.isBlank() ? "function" : authLevel.trim().toLowerCase(Locale.ROOT);
		if (!AUTH_LEVELS.contains(authLevel)) {
			throw new IllegalArgumentException(AUTH_LEVEL + "=" + authLevel + " is not one of " + AUTH_LEVELS);
		}
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
		return new AppSettings(properties.getProperty(AUTH_LEVEL));
	}
}
