package dev.polyfn.packaging;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/** The application's {@code application.properties} as a packaging step reads it: from the build's classes folder. */
public final class ApplicationProperties {

	private ApplicationProperties() {
	}

	/** The properties in {@code classes/application.properties}; empty when there is no such file. */
	public static Properties fromClassesDir(Path classes) {
		Properties properties = new Properties();
		Path file = classes.resolve("application.properties");
		if (Files.isRegularFile(file)) {
			try (InputStream in = Files.newInputStream(file)) {
				properties.load(in);
			}
			catch (IOException e) {
				throw new UncheckedIOException("Could not read " + file, e);
			}
		}
		return properties;
	}
}
