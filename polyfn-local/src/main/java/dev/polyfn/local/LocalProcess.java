package dev.polyfn.local;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A cloud runtime started as a child process, its standard output and error in one log file (what the cloud's
 * log stream would show). Closing it stops the process and what it started (a bootstrap script's JVM).
 */
public final class LocalProcess implements AutoCloseable {

	private final Process process;
	private final Path log;
	private final long startedAtNanos;

	private LocalProcess(Process process, Path log, long startedAtNanos) {
		this.process = process;
		this.log = log;
		this.startedAtNanos = startedAtNanos;
	}

	/** Starts {@code command} in {@code directory} with {@code env} added to (or, for a null value, taken from) this environment. */
	public static LocalProcess start(List<String> command, Path directory, Map<String, String> env, Path log)
			throws IOException {
		Files.createDirectories(log.toAbsolutePath().getParent());
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
		if (directory != null) {
			builder.directory(directory.toFile());
		}
		// What the build's own JVM was given is not the cloud's: a cloud starts its runtime without them.
		builder.environment().remove("JAVA_TOOL_OPTIONS");
		builder.environment().remove("MAVEN_OPTS");
		builder.environment().remove("MAVEN_CMD_LINE_ARGS");
		env.forEach((name, value) -> {
			if (value == null) {
				builder.environment().remove(name);
			}
			else {
				builder.environment().put(name, value);
			}
		});
		long started = System.nanoTime();
		return new LocalProcess(builder.start(), log, started);
	}

	/** The {@code java} of the JVM running this code, which starts the runtimes. */
	public static String java() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	public long startedAtNanos() {
		return startedAtNanos;
	}

	public Process process() {
		return process;
	}

	public boolean isAlive() {
		return process.isAlive();
	}

	public Path logFile() {
		return log;
	}

	/** Everything the process wrote so far. */
	public String log() {
		try {
			return Files.readString(log, StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			return "(no log: " + e + ")";
		}
	}

	/**
	 * Waits until {@code port} on 127.0.0.1 accepts connections; false when the process exited first or the wait
	 * ran out.
	 */
	public boolean awaitListening(int port, Duration limit) throws InterruptedException {
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
				Thread.sleep(20);
			}
		}
		return false;
	}

	/** Waits for the process to end: its exit code, or null when it still runs after the wait. */
	public Integer awaitExit(Duration limit) throws InterruptedException {
		return process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS) ? process.exitValue() : null;
	}

	/** SIGTERM to the process and its children, then SIGKILL after ten seconds. */
	@Override
	public void close() {
		process.toHandle().descendants().forEach(ProcessHandle::destroy);
		process.destroy();
		try {
			if (!process.waitFor(10, TimeUnit.SECONDS)) {
				process.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
				process.destroyForcibly();
				process.waitFor(10, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
