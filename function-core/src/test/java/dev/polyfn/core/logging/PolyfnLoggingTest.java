package dev.polyfn.core.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolyfnLoggingTest {

	private static final List<String> PROPERTIES = List.of("slf4j.provider", "slf4j.internal.verbosity",
			"org.springframework.boot.logging.LoggingSystem", "org.apache.commons.logging.LogFactory", "polyfn.logging");

	private final Map<String, String> saved = new HashMap<>();

	@TempDir
	Path app;

	@BeforeEach
	void save() {
		PROPERTIES.forEach(name -> saved.put(name, System.getProperty(name)));
		PROPERTIES.forEach(System::clearProperty);
	}

	@AfterEach
	void restore() {
		saved.forEach((name, value) -> {
			if (value == null) {
				System.clearProperty(name);
			}
			else {
				System.setProperty(name, value);
			}
		});
	}

	@Test
	void an_application_with_a_logback_xml_keeps_logback_where_logback_is_there() throws Exception {
		Files.writeString(app.resolve("logback.xml"), "<configuration/>");
		try (URLClassLoader loader = new URLClassLoader(new URL[] { app.toUri().toURL() }, getClass().getClassLoader())) {
			assertThat(PolyfnLogging.select(loader)).isFalse();
		}
	}

	@Test
	void logback_asked_for_in_a_package_without_logback_falls_back_to_polyfns_logging() throws Exception {
		System.setProperty("polyfn.logging", "logback");
		try (URLClassLoader loader = new URLClassLoader(new URL[] { app.toUri().toURL() }, null)) {
			assertThat(PolyfnLogging.select(loader)).isTrue();
		}
		assertThat(System.getProperty("slf4j.provider")).isEqualTo(PolyfnLoggerProvider.class.getName());
	}
}
