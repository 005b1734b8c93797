package dev.polyfn.examples;

import org.springframework.boot.autoconfigure.SpringBootApplication;

import dev.polyfn.core.boot.PolyfnApplication;

/**
 * The seed use cases as plain {@code java.util.function} beans. Nothing here knows which cloud runs it:
 * {@code main} serves them as a web app; the {@code -P<cloud>} builds package the same beans for each cloud.
 * {@code SpringApplication.run} works too (a full Spring Boot start, with auto-configuration);
 * {@code PolyfnApplication.run} starts the same beans in a third of the time.
 */
@SpringBootApplication
public class ExamplesApplication {

	public static void main(String[] args) {
		PolyfnApplication.run(ExamplesApplication.class, args);
	}
}
