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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.polyfn.local.AzureFunctionCall;
import dev.polyfn.local.AzureInvocationLoop;
import dev.polyfn.local.CodeFolders;
import dev.polyfn.local.LambdaRuntimeApi;
import dev.polyfn.local.LocalLambda;
import dev.polyfn.local.Ports;

/**
 * Starts a target under its real runtime and times process start → first correct response. Unpacking a
 * package (as Lambda or FC do before starting the runtime) happens once per target and is not timed.
 */
final class Launcher {

	/**
	 * JVM flags of Lambda's managed Java runtimes (1024 MB function), so the RIC runs as it does there: polyfn-local's
	 * {@link LocalLambda#MANAGED_RUNTIME_JVM_FLAGS}. java17, java21 and java25 all stop tiered compilation at C1
	 * (java25 keeps the JVM default only with SnapStart or provisioned concurrency, which cannot run here): AWS,
	 * "Customize Java runtime startup behavior", checked 2026-12-01.
	 */
	static final List<String> LAMBDA_JVM_FLAGS = LocalLambda.MANAGED_RUNTIME_JVM_FLAGS;

	/**
	 * The Azure Functions Java worker's JVM flags (worker.config.json of Azure/azure-functions-java-worker, read
	 * 2026-12-03: {@code -XX:+TieredCompilation -XX:TieredStopAtLevel=1 -noverify -Djava.net.preferIPv4Stack=true}).
	 * {@code -noverify} is left out: deprecated since JDK 13, it only prints a warning on the JDKs measured here.
	 */
	static final List<String> AZURE_WORKER_JVM_FLAGS = List.of("-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1",
			"-Djava.net.preferIPv4Stack=true");

	/** The event an Azure-worker target is invoked with (benchmarks/events). */
	static final String AZURE_HTTP_EVENT = "azure-http-text";

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
	private final Path azureWorkerDir;
	private final Path workDir;
	private final Path logDir;
	private final Path eventsDir;
	private final Map<String, byte[]> events = new HashMap<>();
	private final Map<Path, Path> prepared = new HashMap<>();
	private String extraJvmOptions;

	/**
	 * {@code eventsDir}: benchmarks/events, where each Lambda target's event (its lambdaEvent + .json) is;
	 * {@code azureWorkerDir}: the Java library jars the Azure Java worker provides.
	 */
	Launcher(Path lambdaRuntimeDir, Path gcfInvokerJar, Path azureWorkerDir, Path workDir, Path logDir, Path eventsDir) {
		this.lambdaRuntimeDir = lambdaRuntimeDir;
		this.gcfInvokerJar = gcfInvokerJar;
		this.azureWorkerDir = azureWorkerDir;
		this.workDir = workDir;
		this.logDir = logDir;
		this.eventsDir = eventsDir;
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

	/**
	 * A Lambda or Azure-worker target invoked {@code invocations} times in a row (the first is the cold start), for
	 * the warm per-call cost over uptime; the caller waits for {@link Started#awaitAllAnswers} and closes it.
	 */
	Started startInvoking(Target target, String runName, int invocations) throws IOException {
		return start(target, runName, null, invocations);
	}

	Started start(Target target, String runName, String javaToolOptions) throws IOException {
		return start(target, runName, javaToolOptions, 1);
	}

	private Started start(Target target, String runName, String javaToolOptions, int invocations) throws IOException {
		Path dir = preparedDir(target);
		int port = Ports.free();
		LambdaInvocations stub = target.kind() != Target.Kind.LAMBDA ? null
				: LambdaInvocations.queue(event(target), invocations);
		List<String> command = command(target, port, invocations);
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
		env.put("FUNCTIONS_CUSTOMHANDLER_PORT", Integer.toString(port));
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
			env.put("AWS_EXECUTION_ENV", (target.jdk() == null ? Jdk.current() : target.jdk()).lambdaExecutionEnv());
		}
		String options = String.join(" ", java.util.stream.Stream.of(extraJvmOptions, target.jvmOptions(), javaToolOptions)
				.filter(o -> o != null && !o.isBlank()).toList());
		if (!options.isEmpty()) {
			env.put("JAVA_TOOL_OPTIONS", options);
		}
		env.putAll(target.env());
		long startedAt = System.nanoTime();
		Process process = builder.start();
		return new Started(target, process, stub, port, startedAt, log);
	}

	private List<String> command(Target target, int port, int invocations) throws IOException {
		String java = (target.jdk() == null ? Jdk.current() : target.jdk()).java().toString();
		List<String> command = new ArrayList<>();
		switch (target.kind()) {
			case LAMBDA -> {
				command.add(java);
				command.addAll(LAMBDA_JVM_FLAGS);
				command.add("-cp");
				command.add(lambdaRuntimeDir.resolve("*").toString());
				command.add(LocalLambda.RUNTIME_CLIENT_MAIN);
				command.add(target.entry());
			}
			case GCF_INVOKER -> command.addAll(List.of(java, "-jar", gcfInvokerJar.toString(), "--classpath",
					target.runnable().toString(), "--target", target.entry(), "--port", Integer.toString(port)));
			case WEB_JAR -> {
				command.add(java);
				if (target.entry() != null) {
					command.addAll(List.of(target.entry().trim().split(" +")));
				}
				command.addAll(List.of("-jar", target.runnable().toString()));
			}
			case START_SCRIPT -> command.addAll(List.of("bash", target.entry()));
			case AZURE_WORKER -> {
				command.add(java);
				command.addAll(AZURE_WORKER_JVM_FLAGS);
				command.add("-cp");
				command.add(azureWorkerClassPath(target.runnable()));
				command.add(AzureInvocationLoop.class.getName());
				command.addAll(List.of(target.runnable().toString(), target.entry(),
						eventsDir.resolve(target.lambdaEvent() + ".json").toString(), Integer.toString(invocations - 1),
						latenciesFile(target).toString()));
			}
		}
		return command;
	}

	/**
	 * As {@code polyfn:invoke} runs an Azure function: polyfn-local (shaded in this harness's jar, which holds
	 * nothing else but the harness), the worker's Java library, the staging folder's jars.
	 */
	private String azureWorkerClassPath(Path staging) throws IOException {
		List<Path> library = new ArrayList<>();
		try (java.util.stream.Stream<Path> jars = Files.list(azureWorkerDir)) {
			jars.filter(p -> p.toString().endsWith(".jar")).sorted().forEach(library::add);
		}
		return String.join(java.io.File.pathSeparator,
				AzureFunctionCall.classPath(library, staging).stream().map(Path::toString).toList());
	}

	private Path latenciesFile(Target target) {
		return logDir.resolve(target.id() + "-warm-latencies.txt");
	}

	private byte[] event(Target target) throws IOException {
		byte[] bytes = events.get(target.lambdaEvent());
		if (bytes == null) {
			bytes = Files.readAllBytes(eventsDir.resolve(target.lambdaEvent() + ".json"));
			events.put(target.lambdaEvent(), bytes);
		}
		return bytes;
	}

	/**
	 * The working directory: Lambda's task root / the script's code folder, unpacked once per artifact (every row
	 * of one artifact, its variants and other-JDK rows included, runs from the same folder: the class path an
	 * archive records must not move); else the work dir.
	 */
	private Path preparedDir(Target target) throws IOException {
		if (target.kind() != Target.Kind.LAMBDA && target.kind() != Target.Kind.START_SCRIPT) {
			Files.createDirectories(workDir);
			return workDir;
		}
		Path existing = prepared.get(target.runnable());
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
			// as the clouds unpack: unix modes and modification times kept (a bundled JRE's bin/java must stay
			// executable, and a class-data archive accepts its jar only with the time it was made with)
			CodeFolders.unzipKeepingModes(target.runnable(), dir);
		}
		prepared.put(target.runnable(), dir);
		return dir;
	}

	/** A started target; closing it kills the process tree (SIGKILL, as a platform reclaiming an instance). */
	final class Started implements AutoCloseable {

		private final Target target;
		private final Process process;
		private final LambdaInvocations stub;
		private final int port;
		private final long startedAt;
		private final Path log;
		private int azureWrongAnswers;

		Started(Target target, Process process, LambdaInvocations stub, int port, long startedAt, Path log) {
			this.target = target;
			this.process = process;
			this.stub = stub;
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
					LambdaRuntimeApi.Outcome answer = stub.first(START_TIMEOUT_SECONDS);
					if (answer.isError() || !LambdaAnswers.correct(target.lambdaEvent(), answer.body())) {
						throw failure("answered " + (answer.isError() ? "an error: " : "") + abbreviate(answer.body()));
					}
					return new Run(millis(answer.receivedAtNanos()), ProcessMemory.peakRssMb(process.toHandle()),
							answer.body());
				}
				catch (InterruptedException e) {
					Thread.currentThread().interrupt();
					throw failure("interrupted");
				}
				catch (ExecutionException | TimeoutException e) {
					throw failure(process.isAlive() ? "no answer in " + START_TIMEOUT_SECONDS + " s" : "exited");
				}
			}
			if (target.kind() == Target.Kind.AZURE_WORKER) {
				String answer = awaitLine("answer: ", deadline);
				boolean correct = Target.AZURE_BLOB_EVENT.equals(target.lambdaEvent())
						? answer.contains("\"status\":\"Succeeded\"") // no output binding: a failed GET or PUT is "Failed"
						: answer.contains("\"statusCode\":200") && answer.contains(HttpProbe.EXPECTED);
				if (!correct) {
					throw failure("answered " + abbreviate(answer));
				}
				return new Run(millis(System.nanoTime()), ProcessMemory.peakRssMb(process.toHandle()), answer);
			}
			HttpProbe.Response last = null;
			byte[] cloudEvent = target.probesWithCloudEvent() ? readEvent(target) : null;
			while (System.nanoTime() < deadline) {
				HttpProbe.Response response = cloudEvent != null
						? HttpProbe.postCloudEvent(port, target.requestPath(), cloudEvent)
						: HttpProbe.post(port, target.requestPath());
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

		/** Waits for every invocation of {@link #startInvoking}; the warm latencies, in order (2nd call on). */
		long[] awaitAllAnswers(long timeoutSeconds) throws StartFailure {
			if (target.kind() == Target.Kind.AZURE_WORKER) {
				String[] done = awaitLine("warm: ", System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds)).split(" ");
				azureWrongAnswers = Integer.parseInt(done[1]);
				try {
					return Files.readAllLines(latenciesFile(target)).stream().mapToLong(Long::parseLong).toArray();
				}
				catch (IOException e) {
					throw failure("no latencies: " + e.getMessage());
				}
			}
			try {
				stub.all(timeoutSeconds);
				return stub.warmLatenciesNanos();
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw failure("interrupted");
			}
			catch (ExecutionException | TimeoutException e) {
				throw failure(process.isAlive() ? "invocations not done in " + timeoutSeconds + " s" : "exited");
			}
		}

		int wrongAnswers() {
			if (stub == null) {
				return azureWrongAnswers;
			}
			return stub.wrongAnswers(body -> LambdaAnswers.correct(target.lambdaEvent(), body));
		}

		/** The rest of the first log line that starts with {@code prefix}, polled every 2 ms until {@code deadline}. */
		private String awaitLine(String prefix, long deadline) throws StartFailure {
			while (System.nanoTime() < deadline) {
				boolean alive = process.isAlive();
				try {
					for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
						if (line.startsWith(prefix)) {
							return line.substring(prefix.length());
						}
					}
				}
				catch (IOException | java.io.UncheckedIOException notYet) {
					// the line is being written (a partial UTF-8 sequence): read again
				}
				if (!alive) {
					throw failure("exited with " + process.exitValue());
				}
				sleep(2);
			}
			throw failure("no '" + prefix.strip() + "' line in " + START_TIMEOUT_SECONDS + " s");
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

	/** {@link #event}, for the probe loop, which declares no IOException. */
	private byte[] readEvent(Target target) {
		try {
			return event(target);
		}
		catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException("The event of " + target.id() + " is missing", e);
		}
	}
}
