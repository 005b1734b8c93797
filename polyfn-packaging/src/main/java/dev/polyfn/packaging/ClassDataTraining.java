package dev.polyfn.packaging;

import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Makes the application class-data-sharing archive ({@value #ARCHIVE}) of a package that brings its own JRE
 * (Tencent's, Azure's custom handler) by a training run: the packaged server started from the package folder with
 * that JRE and {@code -XX:DumpLoadedClassList}, asked for its health and for a function that does not exist (the
 * HTTP and error paths, no user code), then stopped with SIGTERM; then {@code -Xshare:dump} archives the classes
 * it loaded, the JDK's and the application's. The start scripts ({@code scf_bootstrap}, {@code bootstrap},
 * {@code polyfn-handler.sh}) start with {@code -XX:SharedArchiveFile} on it and map those classes instead of
 * parsing and verifying them.
 * <p>
 * A static archive rather than a dynamic one ({@code -XX:ArchiveClassesAtExit}) on top of the JRE's default
 * archive: it holds both in one file, about 4 MB less in the ZIP, which keeps a JDK 25 package under the
 * console's 50 MB.
 * <p>
 * The JVM accepts the archive only with the same JRE (its base archive's checksum) and the same jar, which it
 * recognises by path, size and modification time: the run uses the ZIP's relative class path, and the ZIP keeps
 * the jar's time, so the archive stays valid once the cloud unpacks the ZIP (SCF into {@code /var/user}). When it
 * does not, the JVM prints one warning and starts without it.
 */
public final class ClassDataTraining {

	public static final String ARCHIVE = "app.jsa";

	/** The environment variable that, set to {@code off}, makes a start script start without the archive. */
	public static final String SWITCH = "POLYFN_CDS";

	/** The training run's list of loaded classes; input of the dump, not shipped. */
	static final String CLASS_LIST = "app.classlist";

	/**
	 * How the package starts its server: {@code java} relative to the package folder, polyfn's JVM options, the
	 * class path exactly as the start script gives it (relative, no wildcard), the main class, the environment
	 * variable that sets the port, and a path under which no function exists (the error path to exercise).
	 */
	public record Launch(String java, List<String> jvmOptions, String classPath, String mainClass, String portVariable,
			String missingFunctionPath) {
	}

	private static final Duration START_TIMEOUT = Duration.ofMinutes(2);

	private ClassDataTraining() {
	}

	/**
	 * Sets the jars' times to one whole even second before the training: ZIP entries keep times in two-second
	 * steps, and the archive is only accepted for a jar with exactly the time it was trained on.
	 */
	public static void pinModificationTimes(List<Path> jars) {
		long seconds = java.time.Instant.now().getEpochSecond();
		java.nio.file.attribute.FileTime even = java.nio.file.attribute.FileTime.from(
				java.time.Instant.ofEpochSecond(seconds - seconds % 2));
		try {
			for (Path jar : jars) {
				Files.setLastModifiedTime(jar, even);
			}
		}
		catch (IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}

	/** Runs the training in {@code code} and returns the archive it wrote; the run's output goes to {@code log}. */
	public static Path train(Path code, Launch launch, Path log) {
		Path archive = code.resolve(ARCHIVE);
		int port = freePort();
		List<String> command = new ArrayList<>();
		command.add(code.resolve(launch.java()).toString());
		command.addAll(launch.jvmOptions());
		command.add("-XX:DumpLoadedClassList=" + CLASS_LIST);
		command.addAll(List.of("-cp", launch.classPath(), launch.mainClass()));
		Process server;
		try {
			Files.deleteIfExists(archive);
			ProcessBuilder builder = new ProcessBuilder(command).directory(code.toFile()).redirectErrorStream(true)
					.redirectOutput(log.toFile());
			builder.environment().remove("JAVA_TOOL_OPTIONS");
			builder.environment().put(launch.portVariable(), String.valueOf(port));
			server = builder.start();
		}
		catch (IOException e) {
			throw new IllegalStateException("Could not start the class-data training run " + command, e);
		}
		try {
			exercise(server, "http://127.0.0.1:" + port, launch.missingFunctionPath(), log);
			server.destroy();
			if (!server.waitFor(1, TimeUnit.MINUTES)) {
				throw new IllegalStateException("The class-data training run did not stop within a minute; see " + log);
			}
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted during the class-data training run", e);
		}
		finally {
			server.destroyForcibly();
		}
		Path classList = code.resolve(CLASS_LIST);
		if (!Files.isRegularFile(classList)) {
			throw new IllegalStateException("The class-data training run wrote no " + CLASS_LIST + "; see " + log);
		}
		// Same class path as the run and the start scripts: the archive records it and is refused on any other.
		ToolRun.of(List.of(code.resolve(launch.java()).toString(), "-Xshare:dump",
				"-XX:SharedClassListFile=" + classList, "-XX:SharedArchiveFile=" + archive, "-cp", launch.classPath()), code)
				.orFail("The class-data dump (-Xshare:dump)");
		try {
			Files.delete(classList);
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
		if (!Files.isRegularFile(archive)) {
			throw new IllegalStateException("-Xshare:dump wrote no " + ARCHIVE);
		}
		return archive;
	}

	private static void exercise(Process server, String base, String missingFunctionPath, Path log)
			throws InterruptedException {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
		while (System.nanoTime() < deadline) {
			if (!server.isAlive()) {
				throw new IllegalStateException("The packaged application exited during the class-data training run"
						+ " (exit " + server.exitValue() + "): it would not start in the cloud either; see " + log);
			}
			try {
				if (http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health")).build(),
						HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
					http.send(HttpRequest.newBuilder(URI.create(base + missingFunctionPath))
							.POST(HttpRequest.BodyPublishers.ofString("{}")).header("Content-Type", "application/json")
							.build(), HttpResponse.BodyHandlers.discarding());
					return;
				}
			}
			catch (ConnectException notYet) {
				// still starting
			}
			catch (IOException e) {
				throw new IllegalStateException("The class-data training run did not answer over HTTP; see " + log, e);
			}
			Thread.sleep(50);
		}
		throw new IllegalStateException("The class-data training run did not start within " + START_TIMEOUT + "; see " + log);
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException e) {
			throw new IllegalStateException("No free local port for the class-data training run", e);
		}
	}
}
