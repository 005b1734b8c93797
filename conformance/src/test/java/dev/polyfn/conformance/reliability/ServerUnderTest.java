package dev.polyfn.conformance.reliability;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import dev.polyfn.core.testing.PackagedBuild;

/**
 * One polyfn server as its platform starts it, in a child process on a loopback port: the web app with
 * {@code java -jar}, the unpacked FC ZIP's {@code bootstrap}, the unpacked SCF ZIP's {@code scf_bootstrap}.
 * Every function of the examples is served (no definition set), routed by path.
 */
final class ServerUnderTest implements AutoCloseable {

	enum Kind {
		WEB("web app (java -jar)"), ALIYUN("Alibaba FC custom runtime (bootstrap)"), TENCENT("Tencent SCF web function (scf_bootstrap)");

		final String label;

		Kind(String label) {
			this.label = label;
		}
	}

	/**
	 * Campaign settings every server gets: one body limit (FC defaults to 32 MB), a short header timeout, and
	 * processOrder's results kept in memory (the campaign is about the HTTP front, not a broker).
	 */
	static final Map<String, String> SETTINGS = Map.of("POLYFN_MAX_BODY_SIZE", "10MB", "POLYFN_HTTP_HEADER_TIMEOUT", "2s",
			"POLYFN_HTTP_DRAIN_DEADLINE", "15s", "POLYFN_MESSAGING_ORDER_RESULTS_PROVIDER", "local");

	final Kind kind;
	final int port;
	private final Process process;
	private final Path log;

	private ServerUnderTest(Kind kind, int port, Process process, Path log) {
		this.kind = kind;
		this.port = port;
		this.process = process;
		this.log = log;
	}

	static ServerUnderTest start(Kind kind, Path workDir) throws Exception {
		int port = freePort();
		Path log = Files.createTempFile(workDir, kind.name().toLowerCase() + "-", ".log");
		ProcessBuilder builder = switch (kind) {
			case WEB -> new ProcessBuilder(PackagedBuild.webCommand(javaBin()));
			case ALIYUN -> new ProcessBuilder(unpacked("aliyun", "-aliyun.zip", workDir).resolve("bootstrap").toString());
			case TENCENT -> new ProcessBuilder(unpacked("tencent", "-tencent.zip", workDir).resolve("scf_bootstrap").toString());
		};
		builder.redirectErrorStream(true).redirectOutput(log.toFile());
		builder.environment().remove("SPRING_CLOUD_FUNCTION_DEFINITION");
		builder.environment().put("PORT", String.valueOf(port));
		builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
		builder.environment().putAll(SETTINGS);
		if (kind == Kind.ALIYUN) {
			builder.environment().put("FC_FUNCTION_MEMORY_SIZE", "1024");
		}
		if (kind != Kind.WEB) {
			builder.directory(Path.of(builder.command().get(0)).getParent().toFile());
		}
		ServerUnderTest server = new ServerUnderTest(kind, port, builder.start(), log);
		server.awaitListening(Duration.ofSeconds(90));
		return server;
	}

	private static Path unpacked(String cloud, String suffix, Path workDir) throws IOException {
		Path out = PackagedBuild.reusing(cloud);
		Path code = workDir.resolve(cloud + "-code");
		if (Files.isDirectory(code)) {
			return code;
		}
		Path zip;
		try (Stream<Path> files = Files.list(out)) {
			zip = files.filter(p -> p.toString().endsWith(suffix)).findFirst().orElseThrow();
		}
		try (FileSystem fs = FileSystems.newFileSystem(zip, Map.of("enablePosixFileAttributes", "true"));
				Stream<Path> entries = Files.walk(fs.getPath("/"))) {
			for (Path entry : entries.filter(Files::isRegularFile).toList()) {
				Path target = code.resolve(entry.toString().substring(1));
				Files.createDirectories(target.getParent());
				Files.copy(entry, target);
				Files.setPosixFilePermissions(target, Files.getPosixFilePermissions(entry));
			}
		}
		return code;
	}

	private void awaitListening(Duration limit) throws Exception {
		long deadline = System.nanoTime() + limit.toNanos();
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				throw new IllegalStateException(kind + " exited with " + process.exitValue() + ":\n" + log());
			}
			try (Socket probe = new Socket("127.0.0.1", port)) {
				return;
			}
			catch (IOException notYet) {
				Thread.sleep(20);
			}
		}
		throw new IllegalStateException(kind + " did not listen on " + port + " within " + limit + ":\n" + log());
	}

	String log() throws IOException {
		return Files.readString(log);
	}

	/** Log lines written from {@code fromChar} on (the log so far is the campaign's cursor). */
	List<String> logSince(int fromChar) throws IOException {
		String all = log();
		return all.substring(Math.min(fromChar, all.length())).lines().toList();
	}

	int logLength() throws IOException {
		return log().length();
	}

	boolean alive() {
		return process.isAlive();
	}

	/** SIGTERM, as a platform stops an instance. */
	void terminate() {
		process.destroy();
	}

	boolean exitsWithin(Duration limit) throws InterruptedException {
		return process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
	}

	@Override
	public void close() throws InterruptedException {
		if (process.isAlive()) {
			process.destroy();
			if (!process.waitFor(20, TimeUnit.SECONDS)) {
				process.destroyForcibly();
			}
		}
	}

	private static String javaBin() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}
}
