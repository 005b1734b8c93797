package dev.polyfn.tencent.packaging;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.polyfn.core.deploy.CloudRuntimes;

/**
 * The JDK whose {@code jdeps} and {@code jlink} make the JRE that travels in the Tencent ZIP: the one named by
 * {@code -Dpolyfn.tencent.jdk=<path>}, else the JDK running the build. SCF offers Java 8 and 11 only, so that
 * JDK's version is the Java the function runs; it must be {@value CloudRuntimes#MINIMUM_JAVA} or newer.
 */
record BuildJdk(Path home, int feature) {

	static final String PROPERTY = "polyfn.tencent.jdk";

	static BuildJdk resolve(String configured) {
		Path home = configured == null || configured.isBlank() || configured.startsWith("${")
				? Paths.get(System.getProperty("java.home")) : Paths.get(configured.trim());
		if (!Files.isExecutable(home.resolve("bin/jlink")) || !Files.isExecutable(home.resolve("bin/jdeps"))) {
			throw new IllegalStateException(home + " is not a full JDK (no bin/jlink or bin/jdeps), and the Tencent"
					+ " package links its own JRE with them. Run Maven on a JDK " + CloudRuntimes.MINIMUM_JAVA
					+ "+ or pass -D" + PROPERTY + "=<path of a JDK " + CloudRuntimes.MINIMUM_JAVA + "+>");
		}
		int feature = featureVersion(home);
		if (feature < CloudRuntimes.MINIMUM_JAVA) {
			throw new IllegalStateException("The JDK at " + home + " is Java " + feature + "; Spring Boot 4 needs Java "
					+ CloudRuntimes.MINIMUM_JAVA + "+. Pass -D" + PROPERTY + "=<path of a JDK 17+>");
		}
		return new BuildJdk(home, feature);
	}

	Path tool(String name) {
		return home.resolve("bin").resolve(name);
	}

	/**
	 * Whether jlink can read modules here: from {@code jmods/}, or (JEP 493, JDK 24+) from the run-time image of
	 * a JDK built with {@code --enable-linkable-runtime}. Only jlink itself can tell the second case, so a JDK
	 * without jmods is tried and its failure explained by {@link #noModulesHint()}.
	 */
	boolean hasJmods() {
		return Files.isDirectory(home.resolve("jmods"));
	}

	String noModulesHint() {
		return "The JDK at " + home + " has no jmods folder" + (feature >= 24
				? " and its run-time image is not linkable (JEP 493 needs a JDK built with --enable-linkable-runtime)"
				: "") + ", so jlink cannot make the JRE the Tencent package needs. Install the JDK's jmods (Debian:"
				+ " apt-get install openjdk-17-jdk-headless, which ships /usr/lib/jvm/java-17-openjdk-amd64/jmods) and"
				+ " build with it, or pass -D" + PROPERTY + "=<path of a JDK with jmods>";
	}

	private static int featureVersion(Path home) {
		Properties release = new Properties();
		try (var in = Files.newInputStream(home.resolve("release"))) {
			release.load(in);
		}
		catch (IOException e) {
			throw new UncheckedIOException("Could not read " + home.resolve("release"), e);
		}
		Matcher version = Pattern.compile("\"?(1\\.)?(\\d+)").matcher(release.getProperty("JAVA_VERSION", ""));
		if (!version.lookingAt()) {
			throw new IllegalStateException("No JAVA_VERSION in " + home.resolve("release"));
		}
		return Integer.parseInt(version.group(2));
	}
}
