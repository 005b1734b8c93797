package dev.polyfn.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The JVM a local runtime starts a package with: the Java version of the cloud runtime the package targets
 * (Lambda's java25, Cloud Run's java25 base image) when a JDK of that version is installed (JAVA_HOME_25 or a
 * folder under /usr/lib/jvm), else the JVM running this code.
 */
public final class LocalJvms {

	private static final Pattern JAVA_VERSION = Pattern.compile("(?m)^JAVA_VERSION=\"(\\d+)");

	private LocalJvms() {
	}

	/** The {@code java} executable of a JDK of {@code feature} version, or of the running JVM. */
	public static Path java(int feature) {
		Path home = home(feature).orElse(Path.of(System.getProperty("java.home")));
		return home.resolve("bin").resolve("java");
	}

	public static Optional<Path> home(int feature) {
		Path running = Path.of(System.getProperty("java.home"));
		if (feature(running) == feature) {
			return Optional.of(running);
		}
		String configured = System.getenv("JAVA_HOME_" + feature);
		if (configured != null && feature(Path.of(configured)) == feature) {
			return Optional.of(Path.of(configured));
		}
		Path jvms = Path.of("/usr/lib/jvm");
		if (!Files.isDirectory(jvms)) {
			return Optional.empty();
		}
		try (Stream<Path> homes = Files.list(jvms)) {
			List<Path> matching = homes.filter(h -> feature(h) == feature)
					.filter(h -> Files.isExecutable(h.resolve("bin/java"))).sorted().toList();
			return matching.stream().findFirst();
		}
		catch (IOException e) {
			return Optional.empty();
		}
	}

	private static int feature(Path home) {
		try {
			Matcher version = JAVA_VERSION.matcher(Files.readString(home.resolve("release")));
			return version.find() ? Integer.parseInt(version.group(1)) : -1;
		}
		catch (IOException | RuntimeException e) {
			return -1;
		}
	}
}
