package dev.polyfn.core.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** POLYFN_BOOTSTRAP=boot in a cloud package, which leaves Logback out unless the application configures it. */
class FullBootLoggingTest {

	private static final List<String> PROPERTIES = List.of("slf4j.provider", "slf4j.internal.verbosity",
			"org.springframework.boot.logging.LoggingSystem", "org.apache.commons.logging.LogFactory", "polyfn.logging",
			"polyfn.bootstrap");

	private final Map<String, String> saved = new HashMap<>();

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
	void the_full_bootstrap_keeps_logback_where_the_package_has_it() {
		assertThat(PolyfnRuntime.selectLogging(getClass().getClassLoader(), Map.of("polyfn.bootstrap", "boot"))).isFalse();
	}

	@Test
	void the_full_bootstrap_in_a_package_without_logback_logs_through_polyfns_binding() throws Exception {
		try (URLClassLoader noLogback = new URLClassLoader(new URL[0], null)) {
			assertThat(PolyfnRuntime.selectLogging(noLogback, Map.of("polyfn.bootstrap", "boot"))).isTrue();
		}
		assertThat(System.getProperty("org.springframework.boot.logging.LoggingSystem")).isEqualTo("none");
	}
}
