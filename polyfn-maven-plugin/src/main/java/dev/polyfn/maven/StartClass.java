package dev.polyfn.maven;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.apache.maven.plugin.MojoExecutionException;

/**
 * The application class the packages start ({@code Start-Class}): the project's {@code start-class} property, as with
 * spring-boot-maven-plugin, else the one {@code @SpringBootApplication} class among the compiled classes (found in
 * their constant pools, without loading them into Maven's JVM).
 */
final class StartClass {

	private static final byte[] ANNOTATION = "Lorg/springframework/boot/autoconfigure/SpringBootApplication;"
		.getBytes(StandardCharsets.UTF_8);

	private StartClass() {
	}

	static String of(String configured, Path classes) throws MojoExecutionException {
		if (configured != null && !configured.isBlank()) {
			return configured.trim();
		}
		List<String> found;
		try (Stream<Path> files = Files.exists(classes) ? Files.walk(classes) : Stream.empty()) {
			found = files.filter(f -> f.toString().endsWith(".class")).filter(StartClass::isApplication)
				.map(f -> classes.relativize(f).toString().replace('/', '.').replaceAll("\\.class$", "")).sorted().toList();
		}
		catch (IOException e) {
			throw new MojoExecutionException("Could not read " + classes, e);
		}
		if (found.size() == 1) {
			return found.get(0);
		}
		throw new MojoExecutionException((found.isEmpty() ? "No @SpringBootApplication class in " + classes
				: "Several @SpringBootApplication classes " + found) + ": set <start-class> in the pom's <properties>");
	}

	private static boolean isApplication(Path classFile) {
		try {
			byte[] bytes = Files.readAllBytes(classFile);
			for (int i = 0; i <= bytes.length - ANNOTATION.length; i++) {
				if (matchesAt(bytes, i)) {
					return true;
				}
			}
			return false;
		}
		catch (IOException e) {
			return false;
		}
	}

	private static boolean matchesAt(byte[] bytes, int at) {
		for (int j = 0; j < ANNOTATION.length; j++) {
			if (bytes[at + j] != ANNOTATION[j]) {
				return false;
			}
		}
		return true;
	}
}
