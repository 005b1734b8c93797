package dev.polyfn.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * A JDK the targets run on. The harness's own JDK (the build JDK, 17) runs every row; a second JDK (25: what
 * Lambda's java25 runtime and Cloud Run's java25 base image give users today) runs the AWS and GCP rows again.
 *
 * @param major the feature release (17, 25)
 * @param home the JDK's home folder (its bin/java starts the targets)
 * @param description vendor and exact version, from the JDK's release file
 */
record Jdk(int major, Path home, String description) {

	/** The JDK this harness runs on. */
	static Jdk current() {
		return new Jdk(Runtime.version().feature(), Path.of(System.getProperty("java.home")),
				System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version") + " ("
						+ System.getProperty("java.vendor") + ")");
	}

	/**
	 * The JDK of that release: the given home, else the first /usr/lib/jvm/* whose release file says so (Temurin
	 * installs there as temurin-25-jdk-amd64). Empty when none is installed: its rows are reported as not measured.
	 */
	static Optional<Jdk> find(int major, String explicitHome) throws IOException {
		if (explicitHome != null && !explicitHome.isBlank()) {
			return read(Path.of(explicitHome)).filter(jdk -> jdk.major() == major);
		}
		Path jvms = Path.of("/usr/lib/jvm");
		if (!Files.isDirectory(jvms)) {
			return Optional.empty();
		}
		try (Stream<Path> homes = Files.list(jvms)) {
			return homes.sorted(Comparator.comparing(Path::toString)).map(Jdk::read).flatMap(Optional::stream)
					.filter(jdk -> jdk.major() == major).findFirst();
		}
	}

	private static Optional<Jdk> read(Path home) {
		Path release = home.resolve("release");
		if (!Files.isRegularFile(release) || !Files.isExecutable(home.resolve("bin/java"))) {
			return Optional.empty();
		}
		Properties properties = new Properties();
		try (var in = Files.newInputStream(release)) {
			properties.load(in);
		}
		catch (IOException e) {
			return Optional.empty();
		}
		String version = unquote(properties.getProperty("JAVA_RUNTIME_VERSION",
				properties.getProperty("JAVA_VERSION", "")));
		if (version.isEmpty()) {
			return Optional.empty();
		}
		int major = Integer.parseInt(version.split("[^0-9]")[0]);
		String vendor = unquote(properties.getProperty("IMPLEMENTOR", "unknown vendor"));
		return Optional.of(new Jdk(major, home, vendor + " " + version));
	}

	private static String unquote(String value) {
		return value.replace("\"", "").trim();
	}

	Path java() {
		return home.resolve("bin").resolve("java");
	}

	/** Lambda's AWS_EXECUTION_ENV for the managed runtime of this release (AWS_Lambda_java17, ..._java25). */
	String lambdaExecutionEnv() {
		return "AWS_Lambda_java" + major;
	}
}
