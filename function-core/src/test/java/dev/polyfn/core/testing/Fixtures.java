package dev.polyfn.core.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads the vendors' event payloads from {@code ../shared/fixtures} beside the project root (never copied into
 * the repository). The build passes the folder as {@code -Dpolyfn.fixtures}; run from an IDE, the folder is
 * found by walking up from the working directory.
 */
public final class Fixtures {

	private Fixtures() {
	}

	public static Path root() {
		String configured = System.getProperty("polyfn.fixtures");
		if (configured != null && Files.isDirectory(Paths.get(configured))) {
			return Paths.get(configured).normalize();
		}
		for (Path dir = Paths.get("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
			Path candidate = dir.resolve("../shared/fixtures").normalize();
			if (Files.isDirectory(candidate)) {
				return candidate;
			}
		}
		throw new IllegalStateException("../shared/fixtures not found beside the project root");
	}

	/** A fixture by its path under the fixtures folder, e.g. {@code aws/sqs/go-sqs-event.json}. */
	public static Path path(String relative) {
		Path path = root().resolve(relative);
		if (!Files.isRegularFile(path)) {
			throw new IllegalArgumentException("No fixture " + relative + " under " + root());
		}
		return path;
	}

	public static byte[] bytes(String relative) {
		try {
			return Files.readAllBytes(path(relative));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	public static String text(String relative) {
		return new String(bytes(relative), StandardCharsets.UTF_8);
	}

	/** Every fixture of a cloud (or cloud/trigger), as paths relative to the fixtures folder, sorted. */
	public static List<String> all(String folder) {
		Path base = root().resolve(folder);
		try (Stream<Path> files = Files.walk(base)) {
			return files.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(".json"))
					.map(p -> root().relativize(p).toString().replace('\\', '/')).sorted().toList();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
