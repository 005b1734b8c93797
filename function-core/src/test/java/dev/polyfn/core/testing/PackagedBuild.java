package dev.polyfn.core.testing;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Builds a cloud's upload package exactly as a user does ({@code mvn -P<cloud> package} on the examples), from
 * the working tree, into {@code target/e2e-<cloud>} of each module so the outer build's output is untouched.
 * End-to-end tests start what this produces under the cloud's real runtime. Built once per test JVM and cloud.
 */
public final class PackagedBuild {

	private static final Map<String, Path> BUILT = new ConcurrentHashMap<>();

	private PackagedBuild() {
	}

	/** The folder the build writes the cloud's upload files to: {@code examples/target/e2e-<cloud>/polyfn/<cloud>}. */
	public static synchronized Path of(String cloud) {
		return BUILT.computeIfAbsent(cloud, PackagedBuild::build);
	}

	/**
	 * Like {@link #of}, but an output another test JVM of this build already made is used as it is when it is newer
	 * than every source and POM of the project (the reliability campaign runs after the adapters' own end-to-end
	 * tests built the same packages).
	 */
	public static synchronized Path reusing(String cloud) {
		Path out = projectRoot().resolve("examples").resolve("target/e2e-" + cloud).resolve("polyfn").resolve(cloud);
		return BUILT.computeIfAbsent(cloud, c -> isFresh(out) ? out : build(c));
	}

	/**
	 * A cloud's package built with extra properties (e.g. {@code polyfn.tencent.upload=cos}) into
	 * {@code examples/target/e2e-<cloud>-<variant>}: what a user builds with the same {@code -D} flags.
	 */
	public static synchronized Path variant(String cloud, String variant, Map<String, String> properties) {
		return BUILT.computeIfAbsent(cloud + "-" + variant, key -> build(cloud, "target/e2e-" + key, properties));
	}

	/**
	 * The web app as {@code mvn package} without a cloud profile lays it out ({@code polyfn/web/}: the jar, its
	 * {@code lib/} and class-data archive), built into {@code target/e2e-web}; reused when newer than every source.
	 */
	public static synchronized Path webPackage() {
		Path out = projectRoot().resolve("examples/target/e2e-web/polyfn/web");
		return BUILT.computeIfAbsent("web", c -> isFresh(out.resolve("polyfn-examples.jar")) ? out : build(c));
	}

	/** The command that starts {@link #webPackage()} as the README starts the web app: its archive mapped. */
	public static List<String> webCommand(String java) {
		Path web = webPackage();
		return List.of(java, "-XX:SharedArchiveFile=" + web.resolve("app.jsa"), "-jar", web.resolve("polyfn-examples.jar").toString());
	}

	private static boolean isFresh(Path output) {
		if (!Files.exists(output)) {
			return false;
		}
		try {
			long built = Files.getLastModifiedTime(output).toMillis();
			long[] newest = { 0 };
			Path root = projectRoot();
			Files.walkFileTree(root, new java.nio.file.SimpleFileVisitor<>() {

				@Override
				public java.nio.file.FileVisitResult preVisitDirectory(Path dir, java.nio.file.attribute.BasicFileAttributes attrs) {
					String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
					boolean skip = !dir.equals(root) && (name.equals("target") || name.startsWith(".")
							|| name.equals("conformance") || name.equals("benchmarks") || name.equals("test"));
					return skip ? java.nio.file.FileVisitResult.SKIP_SUBTREE : java.nio.file.FileVisitResult.CONTINUE;
				}

				@Override
				public java.nio.file.FileVisitResult visitFile(Path file, java.nio.file.attribute.BasicFileAttributes attrs) {
					newest[0] = Math.max(newest[0], attrs.lastModifiedTime().toMillis());
					return java.nio.file.FileVisitResult.CONTINUE;
				}
			});
			return newest[0] <= built;
		}
		catch (IOException e) {
			return false;
		}
	}

	public static Path projectRoot() {
		String configured = System.getProperty("polyfn.project.root");
		if (configured != null && Files.isRegularFile(Paths.get(configured, "pom.xml"))
				&& Files.isDirectory(Paths.get(configured, "examples"))) {
			return Paths.get(configured).toAbsolutePath().normalize();
		}
		for (Path dir = Paths.get("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
			if (Files.isDirectory(dir.resolve("examples")) && Files.isDirectory(dir.resolve("function-core"))) {
				return dir;
			}
		}
		throw new IllegalStateException("The polyfn project root was not found from " + Paths.get("").toAbsolutePath());
	}

	private static Path build(String cloud) {
		return build(cloud, "target/e2e-" + cloud, Map.of());
	}

	private static Path build(String cloud, String targetName, Map<String, String> properties) {
		Path root = projectRoot();
		Path log = root.resolve("examples").resolve(targetName + ".log");
		List<String> command = new ArrayList<>(List.of(mvn(), "-B", "-q", "-pl", "examples", "-am",
				"package", "-DskipTests", "-Dpolyfn.target.name=" + targetName));
		if (!"web".equals(cloud)) {
			command.add(3, "-P" + cloud);
		}
		properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
		String repo = System.getProperty("maven.repo.local");
		if (repo != null) {
			command.add("-Dmaven.repo.local=" + repo);
		}
		try {
			Files.createDirectories(log.getParent());
			Process process = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true)
					.redirectOutput(log.toFile()).start();
			if (!process.waitFor(15, TimeUnit.MINUTES)) {
				process.destroyForcibly();
				throw new IllegalStateException("mvn -P" + cloud + " package took over 15 minutes; see " + log);
			}
			if (process.exitValue() != 0) {
				throw new IllegalStateException("mvn -P" + cloud + " package failed; its output:\n"
						+ Files.readString(log));
			}
		}
		catch (IOException e) {
			throw new IllegalStateException("Could not run " + command, e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while building the " + cloud + " package", e);
		}
		Path out = root.resolve("examples").resolve(targetName).resolve("polyfn").resolve(cloud);
		if ("web".equals(cloud)) {
			return out;
		}
		if (!Files.isDirectory(out)) {
			throw new IllegalStateException("mvn -P" + cloud + " package wrote nothing to " + out);
		}
		return out;
	}

	private static String mvn() {
		String home = System.getProperty("maven.home");
		if (home != null && !home.isBlank()) {
			File bin = new File(home, "bin/mvn");
			if (bin.canExecute()) {
				return bin.getAbsolutePath();
			}
		}
		return "mvn";
	}
}
