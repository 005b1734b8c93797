package dev.polyfn.conformance.bombs;

import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A polyfn HTTP server as its own process, so that its resident memory is its own: the examples web app on the
 * test classpath, or an unpacked FC package's {@code bootstrap}. RSS is read from {@code /proc/<pid>/status}.
 */
final class ServerProcess implements AutoCloseable {

	private final String name;
	private final Process process;
	private final Path log;
	final int port;

	private ServerProcess(String name, Process process, Path log, int port) {
		this.name = name;
		this.process = process;
		this.log = log;
		this.port = port;
	}

	/** {@code java -cp <this test's classpath> ExamplesApplication}, as {@code java -jar} runs the web app. */
	static ServerProcess webApp(Path logDir) throws Exception {
		int port = freePort();
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		return start("web app", new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
				"dev.polyfn.examples.ExamplesApplication", "--server.port=" + port, "--polyfn.http.address=127.0.0.1")),
				Map.of(), logDir, port);
	}

	/** The unpacked FC package's {@code bootstrap}, with the environment FC gives a 1024 MB function. */
	static ServerProcess fcBootstrap(Path code, Path logDir, String definition) throws Exception {
		int port = freePort();
		return start("FC bootstrap", new ProcessBuilder(code.resolve("bootstrap").toString()).directory(code.toFile()),
				Map.of("PORT", String.valueOf(port), "SPRING_CLOUD_FUNCTION_DEFINITION", definition, "JAVA_HOME",
						System.getProperty("java.home"), "FC_FUNCTION_MEMORY_SIZE", "1024"),
				logDir, port);
	}

	private static ServerProcess start(String name, ProcessBuilder builder, Map<String, String> env, Path logDir,
			int port) throws Exception {
		Path log = Files.createTempFile(logDir, name.replace(' ', '-') + "-", ".log");
		builder.environment().putAll(env);
		builder.redirectErrorStream(true).redirectOutput(log.toFile());
		ServerProcess server = new ServerProcess(name, builder.start(), log, port);
		server.awaitListening(Duration.ofSeconds(90));
		return server;
	}

	String name() {
		return name;
	}

	boolean alive() {
		return process.isAlive();
	}

	/** Resident set size in bytes, from the kernel's own count. */
	long rss() throws IOException {
		for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
			if (line.startsWith("VmRSS:")) {
				return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
			}
		}
		throw new IllegalStateException("No VmRSS for " + process.pid());
	}

	String log() throws IOException {
		return Files.readString(log);
	}

	private void awaitListening(Duration limit) throws Exception {
		long deadline = System.nanoTime() + limit.toNanos();
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				throw new IllegalStateException(name + " exited with " + process.exitValue() + ":\n" + log());
			}
			try (Socket probe = new Socket("127.0.0.1", port)) {
				return;
			}
			catch (ConnectException notYet) {
				Thread.sleep(50);
			}
		}
		throw new IllegalStateException(name + " did not listen on " + port + " within " + limit + ":\n" + log());
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
