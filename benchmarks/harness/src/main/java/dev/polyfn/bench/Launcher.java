package dev.polyfn.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.polyfn.local.CodeFolders;
import dev.polyfn.local.LambdaRuntimeApi;
import dev.polyfn.local.LocalLambda;
import dev.polyfn.local.Ports;

/**
 * Starts a target under its real runtime and times process start → first correct response. Unpacking a
 * package (as Lambda or FC do before starting the runtime) happens once per target and is not timed.
 */
final class Launcher {

	/** JVM flags of Lambda's managed java17 runtime (1024 MB function), so the RIC runs as it does there. */
	static final List<String> LAMBDA_JVM_FLAGS = LocalLambda.MANAGED_RUNTIME_JVM_FLAGS;

	static final String AWS_LAMBDA_MAIN = LocalLambda.RUNTIME_CLIENT_MAIN;

	private static final long START_TIMEOUT_SECONDS = 90;

	/** One started process, stopped when closed. */
	record Run(double startMillis, double peakRssMb, String answer) {
	}

	static final class StartFailure extends Exception {
		StartFailure(String message) {
			super(message);
		}
	}

	private final Path lambdaRuntimeDir;
	private final Path gcfInvokerJar;
	private final Path workDir;
	private final Path logDir;
	private final byte[] lambdaEvent;
	private final Map<String, Path> prepared = new HashMap<>();
	private String extraJvmOptions;

	Launcher(Path lambdaRuntimeDir, Path gcfInvokerJar, Path workDir, Path logDir, byte[] lambdaEvent) {
		this.lambdaRuntimeDir = lambdaRuntimeDir;
		this.gcfInvokerJar = gcfInvokerJar;
		this.workDir = workDir;
		this.logDir = logDir;
		this.lambdaEvent = lambdaEvent;
	}

	void extraJvmOptions(String options) {
		this.extraJvmOptions = options;
	}

	/** Process start → first correct response, then stop. {@code javaToolOptions} adds JVM flags (profiling). */
	Run coldStart(Target target, String runName, String javaToolOptions) throws IOException, StartFailure {
		try (Started started = start(target, runName, javaToolOptions)) {
			return started.awaitFirstAnswer();
		}
	}

	/** Starts a server target and leaves it running (load tests); the caller closes it. */
	Started startServer(Target target, String runName) throws IOException, StartFailure {
		Started started = start(target, runName, null);
		try {
			started.awaitFirstAnswer();
			return started;
		}
		catch (StartFailure | RuntimeException e) {
			started.close();
			throw e;
		}
	}

	Started start(Target target, String runName, String javaToolOptions) throws IOException {
		Path dir = preparedDir(target.isVariant() ? baseOf(target) : target);
		int port = freePort();
		LambdaRuntimeApi stub = target.kind() == Target.Kind.LAMBDA ? new LambdaRuntimeApi() : null;
		// One cold start, one event: later "next" calls wait, as on Lambda where the sandbox is frozen.
		CompletableFuture<LambdaRuntimeApi.Outcome> answer = stub == null ? null : stub.invoke(lambdaEvent);
		List<String> command = command(target, port);
		ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
		Path log = logDir.resolve(target.id() + "-" + runName + ".log");
		builder.redirectOutput(log.toFile());
		Map<String, String> env = builder.environment();
		env.remove("JAVA_TOOL_OPTIONS");
		env.remove("MAVEN_OPTS");
		env.put("TZ", "UTC");
		env.put("PORT", Integer.toString(port));
		env.put("SERVER_PORT", Integer.toString(port));
		env.put("FC_SERVER_PORT", Integer.toString(port));
		env.put("FC_CUSTOM_LISTEN_PORT", Integer.toString(port));
		if (stub != null) {
			env.put("AWS_LAMBDA_RUNTIME_API", stub.address());
			env.put("_HANDLER", target.entry());
			env.put("LAMBDA_TASK_ROOT", dir.toString());
			env.put("AWS_LAMBDA_FUNCTION_NAME", "bench");
			env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
			env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "1024");
			env.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/bench");
			env.put("AWS_LAMBDA_LOG_STREAM_NAME", "bench");
			env.put("AWS_REGION", "us-east-1");
			env.put("AWS_DEFAULT_REGION", "us-east-1");
			env.put("AWS_EXECUTION_ENV", "AWS_Lambda_java17");
		}
		String options = String.join(" ", java.util.stream.Stream.of(extraJvmOptions, target.jvmOptions(), javaToolOptions)
				.filter(o -> o != null && !o.isBlank()).toList());
		if (!options.isEmpty()) {
			env.put("JAVA_TOOL_OPTIONS", options);
		}
		env.putAll(target.env());
		long startedAt = System.nanoTime();
		Process process = builder.start();
		return new Started(target, process, stub, answer, port, startedAt, log);
	}

	private List<String> command(Target target, int port) {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		List<String> command = new ArrayList<>();
		switch (target.kind()) {
			case LAMBDA -> {
				command.add(java);
				command.addAll(LAMBDA_JVM_FLAGS);
				command.add("-cp");
				command.add(lambdaRuntimeDir.resolve("*").toString());
				command.add(AWS_LAMBDA_MAIN);
				command.add(target.entry());
			}
			case GCF_INVOKER -> command.addAll(List.of(java, "-jar", gcfInvokerJar.toString(), "--classpath",
					target.runnable().toString(), "--target", target.entry(), "--port", Integer.toString(port)));
			case WEB_JAR -> command.addAll(List.of(java, "-jar", target.runnable().toString()));
			case START_SCRIPT -> command.addAll(List.of("bash", target.entry()));
		}
		return command;
	}

	/** A variant runs from its base target's unpacked folder (the class path an archive records must not move). */
	private static Target baseOf(Target variant) {
		String baseId = variant.id().substring(0, variant.id().lastIndexOf('-'));
		return new Target(baseId, variant.label(), variant.group(), variant.polyfn(), variant.kind(), variant.artifact(),
				variant.runnable(), variant.entry(), variant.env(), variant.requestPath(), null);
	}

	/** The working directory: Lambda's task root / the script's code folder, unpacked once; else the work dir. */
	private Path preparedDir(Target target) throws IOException {
		if (target.kind() != Target.Kind.LAMBDA && target.kind() != Target.Kind.START_SCRIPT) {
			Files.createDirectories(workDir);
			return workDir;
		}
		Path existing = prepared.get(target.id());
		if (existing != null) {
			return existing;
		}
		Path dir = workDir.resolve(target.id());
		CodeFolders.deleteTree(dir);
		Files.createDirectories(dir);
		if (Files.isDirectory(target.runnable())) {
			CodeFolders.copyTree(target.runnable(), dir);
		}
		else {
			CodeFolders.unzipKeepingModes(target.runnable(), dir);
		}
		prepared.put(target.id(), dir);
		return dir;
	}

	static int freePort() {
		return Ports.free();
	}




	/** A started target; closing it kills the process tree (SIGKILL, as a platform reclaiming an instance). */
	final class Started implements AutoCloseable {

		private final Target target;
		private final Process process;
		private final LambdaRuntimeApi stub;
		private final CompletableFuture<LambdaRuntimeApi.Outcome> answer;
		private final int port;
		private final long startedAt;
		private final Path log;

		Started(Target target, Process process, LambdaRuntimeApi stub, CompletableFuture<LambdaRuntimeApi.Outcome> answer,
				int port, long startedAt, Path log) {
			this.target = target;
			this.process = process;
			this.stub = stub;
			this.answer = answer;
			this.port = port;
			this.startedAt = startedAt;
			this.log = log;
		}

		int port() {
			return port;
		}

		ProcessHandle handle() {
			return process.toHandle();
		}

		Run awaitFirstAnswer() throws StartFailure {
			long deadline = startedAt + TimeUnit.SECONDS.toNanos(START_TIMEOUT_SECONDS);
			if (stub != null) {
				try {
					LambdaRuntimeApi.Outcome outcome = answer.get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
					if (outcome.isError() || !outcome.body().contains(HttpProbe.EXPECTED)) {
						throw failure("answered " + (outcome.isError() ? "an error: " : "") + abbreviate(outcome.body()));
					}
					return new Run(millis(outcome.receivedAtNanos()), ProcessMemory.peakRssMb(process.toHandle()),
							outcome.body());
				}
				catch (InterruptedException e) {
					Thread.currentThread().interrupt();
					throw failure("interrupted");
				}
				catch (ExecutionException | TimeoutException e) {
					throw failure(process.isAlive() ? "no answer in " + START_TIMEOUT_SECONDS + " s" : "exited");
				}
			}
			HttpProbe.Response last = null;
			while (System.nanoTime() < deadline) {
				HttpProbe.Response response = HttpProbe.post(port, target.requestPath());
				long now = System.nanoTime();
				if (response != null && response.correct()) {
					return new Run(millis(now), ProcessMemory.peakRssMb(process.toHandle()), response.body());
				}
				if (response != null) {
					last = response;
				}
				if (!process.isAlive()) {
					throw failure("exited with " + process.exitValue());
				}
				sleep(response == null ? 5 : 50);
			}
			throw failure(last == null ? "did not listen in " + START_TIMEOUT_SECONDS + " s"
					: "answered " + last.status() + " " + abbreviate(last.body()));
		}

		private double millis(long at) {
			return (at - startedAt) / 1_000_000.0;
		}

		private StartFailure failure(String what) {
			return new StartFailure(target.id() + " " + what + "; log " + log + ":\n" + tail(log));
		}

		/** SIGTERM and wait, so the JVM runs its exit path (where it writes a dynamic CDS archive). */
		void stopGracefully() {
			process.toHandle().descendants().forEach(ProcessHandle::destroy);
			process.destroy();
			try {
				process.waitFor(60, TimeUnit.SECONDS);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}

		@Override
		public void close() {
			process.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
			process.destroyForcibly();
			try {
				process.waitFor(10, TimeUnit.SECONDS);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
			if (stub != null) {
				stub.close();
			}
		}
	}

	static String abbreviate(String text) {
		String oneLine = text.replaceAll("\\s+", " ");
		return oneLine.length() > 300 ? oneLine.substring(0, 300) + "..." : oneLine;
	}

	static String tail(Path log) {
		try (InputStream in = Files.newInputStream(log)) {
			List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
			return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
		}
		catch (IOException e) {
			return "(no log)";
		}
	}

	static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
