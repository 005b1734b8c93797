package dev.polyfn.packaging.tencent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import dev.polyfn.packaging.CloudRuntimes;

/**
 * The JDK whose {@code jdeps} and {@code jlink} make the JRE that travels in the Tencent ZIP. SCF offers Java 8
 * and 11 only, so that JDK's version is the Java the function runs: {@value CloudRuntimes#MINIMUM_JAVA} or newer,
 * and built for a glibc SCF's CentOS 7.6 has ({@link GlibcRequirement}).
 * <p>
 * {@code -Dpolyfn.tencent.jdk=<path>} names it, and is then checked and used or refused. Otherwise the JDK running
 * the build is used when it qualifies; when it does not (Debian's OpenJDK needs glibc 2.34), the newest
 * qualifying JDK installed beside it (the same parent folder, such as {@code /usr/lib/jvm}) is used, and the
 * summary says so.
 *
 * @param home the JDK's folder
 * @param feature its Java feature version
 * @param why how it was chosen, for the build summary
 */
record BuildJdk(Path home, int feature, String why) {

	static final String PROPERTY = "polyfn.tencent.jdk";

	static BuildJdk resolve(String configured) {
		if (configured != null && !configured.isBlank() && !configured.startsWith("${")) {
			Path home = Paths.get(configured.trim());
			String problem = problem(home);
			if (problem != null) {
				throw new IllegalStateException("-D" + PROPERTY + "=" + home + " cannot make the Tencent package's JRE: "
						+ problem);
			}
			return new BuildJdk(home, featureVersion(home), "-D" + PROPERTY);
		}
		Path running = Paths.get(System.getProperty("java.home"));
		String runningProblem = problem(running);
		if (runningProblem == null) {
			return new BuildJdk(running, featureVersion(running), "the JDK running the build");
		}
		for (Path sibling : siblingsNewestFirst(running)) {
			if (problem(sibling) == null) {
				return new BuildJdk(sibling, featureVersion(sibling), "the JDK running the build (" + running + ") "
						+ runningProblem + "; this is the newest JDK beside it that qualifies");
			}
		}
		throw new IllegalStateException("No JDK here can make the Tencent package's JRE. The one running the build ("
				+ running + ") " + runningProblem + ", and no JDK beside it qualifies. Install a JDK "
				+ CloudRuntimes.MINIMUM_JAVA + "+ built for glibc 2.17 or older with jmods or a linkable image (e.g."
				+ " Eclipse Temurin 17, 21 or 25 from adoptium.net; Debian's and Ubuntu's openjdk packages need newer"
				+ " glibc) and pass -D" + PROPERTY + "=<its folder>");
	}

	/** Why the JDK at {@code home} cannot make the JRE, or {@code null} when it can. */
	static String problem(Path home) {
		if (!Files.isExecutable(home.resolve("bin/jlink")) || !Files.isExecutable(home.resolve("bin/jdeps"))) {
			return "is not a full JDK (no bin/jlink or bin/jdeps)";
		}
		int feature;
		try {
			feature = featureVersion(home);
		}
		catch (RuntimeException unreadable) {
			return "has no readable JAVA_VERSION in its release file";
		}
		if (feature < CloudRuntimes.MINIMUM_JAVA) {
			return "is Java " + feature + ", and Spring Boot 4 needs Java " + CloudRuntimes.MINIMUM_JAVA;
		}
		GlibcRequirement glibc = GlibcRequirement.ofJdk(home);
		if (!glibc.runsOnScf()) {
			return "needs " + glibc + ", and SCF's CentOS 7.6 has " + GlibcRequirement.SCF;
		}
		return null;
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
				+ " openjdk-17-jdk-headless ships /usr/lib/jvm/java-17-openjdk-amd64/jmods; Temurin 25's image is"
				+ " linkable) or pass -D" + PROPERTY + "=<path of a JDK with jmods>";
	}

	private static List<Path> siblingsNewestFirst(Path running) {
		Path parent = running.toAbsolutePath().getParent();
		if (parent == null || !Files.isDirectory(parent)) {
			return List.of();
		}
		Set<Path> distinct = new LinkedHashSet<>();
		try (Stream<Path> entries = Files.list(parent)) {
			for (Path entry : entries.filter(Files::isDirectory).sorted().toList()) {
				try {
					distinct.add(entry.toRealPath());
				}
				catch (IOException unreadable) {
					// a dangling link: not a JDK
				}
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		List<Path> jdks = new ArrayList<>();
		for (Path candidate : distinct) {
			if (Files.isRegularFile(candidate.resolve("release"))) {
				jdks.add(candidate);
			}
		}
		jdks.sort(Comparator.comparingInt(BuildJdk::featureOrZero).reversed());
		return jdks;
	}

	private static int featureOrZero(Path home) {
		try {
			return featureVersion(home);
		}
		catch (RuntimeException unreadable) {
			return 0;
		}
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
