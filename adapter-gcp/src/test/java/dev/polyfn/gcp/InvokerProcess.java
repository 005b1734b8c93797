package dev.polyfn.gcp;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.polyfn.core.deploy.CloudRuntimes;
import dev.polyfn.core.testing.RuntimeJvms;

/**
 * The real Functions Framework ({@code java -jar java-function-invoker-2.0.0.jar --classpath <jar> --target <class>
 * --port <port>}) serving a built jar in a child process, as Cloud Functions gen2 runs it.
 */
final class InvokerProcess implements AutoCloseable {

	private final Process process;
	private final Path log;
	private final int port;
	private final long startedNanos;

	private InvokerProcess(Process process, Path log, int port, long startedNanos) {
		this.process = process;
		this.log = log;
		this.port = port;
		this.startedNanos = startedNanos;
	}

	/** The invoker jar Maven resolved (dependency:properties puts its path in a system property). */
	static Path invokerJar() {
		String path = System.getProperty("polyfn.gcp.invoker.jar");
		if (path == null || path.isBlank() || path.startsWith("${") || !Files.isRegularFile(Paths.get(path))) {
			throw new IllegalStateException("polyfn.gcp.invoker.jar does not name the java-function-invoker jar: " + path
					+ " (run the test through Maven, which resolves it)");
		}
		return Paths.get(path);
	}

	static InvokerProcess start(Path functionJar, String target, String definition, Path logDir) throws IOException {
		int port = freePort();
		Path log = logDir.resolve("invoker-" + target.substring(target.lastIndexOf('.') + 1) + "-"
				+ (definition == null ? "default" : definition) + ".log");
		Files.createDirectories(logDir);
		List<String> command = new ArrayList<>(List.of(
				// The Java version of the base image the package targets (java25), when such a JDK is installed.
				RuntimeJvms.java(CloudRuntimes.target("gcp", null).java()).toString(),
				"-jar", invokerJar().toString(), "--classpath", functionJar.toString(), "--target", target,
				"--port", Integer.toString(port)));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
		builder.environment().remove("SPRING_CLOUD_FUNCTION_DEFINITION");
		if (definition != null) {
			builder.environment().put("SPRING_CLOUD_FUNCTION_DEFINITION", definition);
		}
		long started = System.nanoTime();
		return new InvokerProcess(builder.start(), log, port, started);
	}

	/** Waits until the port accepts connections; false when the process exited first or the wait ran out. */
	boolean awaitListening(Duration limit) throws InterruptedException {
		long deadline = System.nanoTime() + limit.toNanos();
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				return false;
			}
			try (Socket socket = new Socket()) {
				socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
				return true;
			}
			catch (IOException notYet) {
				Thread.sleep(50);
			}
		}
		return false;
	}

	/** Waits for the process to end; its exit code, or null when it is still running after the wait. */
	Integer awaitExit(Duration limit) throws InterruptedException {
		return process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS) ? process.exitValue() : null;
	}

	String url(String path) {
		return "http://127.0.0.1:" + port + path;
	}

	Duration sinceStart() {
		return Duration.ofNanos(System.nanoTime() - startedNanos);
	}

	String output() throws IOException {
		return Files.readString(log);
	}

	@Override
	public void close() throws InterruptedException {
		process.destroy();
		if (!process.waitFor(10, TimeUnit.SECONDS)) {
			process.destroyForcibly();
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}
}
