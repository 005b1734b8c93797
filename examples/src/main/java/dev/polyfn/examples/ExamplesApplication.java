package dev.polyfn.examples;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The seed use cases as plain {@code java.util.function} beans. Nothing here knows which cloud runs it:
 * {@code main} serves them as a web app; the {@code -P<cloud>} builds package the same beans for each cloud.
 */
@SpringBootApplication
public class ExamplesApplication {

	public static void main(String[] args) {
		SpringApplication.run(ExamplesApplication.class, args);
	}
}
