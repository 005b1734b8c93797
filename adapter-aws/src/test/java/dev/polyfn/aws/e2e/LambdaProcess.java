package dev.polyfn.aws.e2e;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.polyfn.core.deploy.CloudRuntimes;
import dev.polyfn.core.testing.RuntimeJvms;

/**
 * The built artifact running in a child JVM under the real Lambda runtime interface client
 * ({@code com.amazonaws.services.lambda.runtime.api.client.AWSLambda <handler>}), as the managed java17 runtime
 * runs it: the runtime client's jars first, then the uploaded jar.
 */
final class LambdaProcess implements AutoCloseable {

	/** The runtime client and what it needs, found on this test's class path. */
	private static final List<String> RUNTIME_CLIENT_JARS = List.of("aws-lambda-java-runtime-interface-client",
			"aws-lambda-java-serialization", "aws-lambda-java-core", "utils-lite");

	private static final AtomicInteger STARTED = new AtomicInteger();

	private final Process process;
	private final RuntimeApiStub api;
	private final Path log;
	final long startedAtNanos;

	private LambdaProcess(Process process, RuntimeApiStub api, Path log, long startedAtNanos) {
		this.process = process;
		this.api = api;
		this.log = log;
		this.startedAtNanos = startedAtNanos;
	}

	/**
	 * Starts the jar with its own Runtime API stub: a stub outlives nothing, so a killed process's pending
	 * {@code next} request cannot take the next test's invocation.
	 */
	static LambdaProcess start(Path artifact, String handler, String definition, Path logDir) throws IOException {
		RuntimeApiStub api = new RuntimeApiStub();
		List<String> classPath = new ArrayList<>();
		for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
			String file = new File(entry).getName();
			if (RUNTIME_CLIENT_JARS.stream().anyMatch(file::startsWith)) {
				classPath.add(entry);
			}
		}
		if (classPath.stream().noneMatch(e -> e.contains("aws-lambda-java-runtime-interface-client"))) {
			throw new IllegalStateException("aws-lambda-java-runtime-interface-client is not on the test class path");
		}
		classPath.add(artifact.toString());
		// The Java version of the managed runtime the package targets (java25), when such a JDK is installed.
		String java = RuntimeJvms.java(CloudRuntimes.target("aws", null).java()).toString();
		ProcessBuilder builder = new ProcessBuilder(java, "-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1",
				"-cp", String.join(File.pathSeparator, classPath),
				"com.amazonaws.services.lambda.runtime.api.client.AWSLambda", handler);
		Map<String, String> env = builder.environment();
		env.put("AWS_LAMBDA_RUNTIME_API", api.address());
		env.put("SPRING_CLOUD_FUNCTION_DEFINITION", definition);
		env.put("_HANDLER", handler);
		env.put("AWS_LAMBDA_FUNCTION_NAME", "polyfn-e2e-" + definition);
		env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
		env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "1024");
		env.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/polyfn-e2e");
		env.put("AWS_LAMBDA_LOG_STREAM_NAME", "e2e");
		env.put("AWS_REGION", "eu-central-1");
		env.remove("MAIN_CLASS");
		Files.createDirectories(logDir);
		Path log = logDir.resolve(STARTED.incrementAndGet() + "-" + handler.replaceAll("\\W", "_") + "-" + definition + ".log");
		long started = System.nanoTime();
		Process process = builder.redirectErrorStream(true).redirectOutput(log.toFile()).start();
		return new LambdaProcess(process, api, log, started);
	}

	RuntimeApiStub api() {
		return api;
	}

	String log() {
		try {
			return Files.readString(log);
		}
		catch (IOException e) {
			return "(no log: " + e + ")";
		}
	}

	@Override
	public void close() throws InterruptedException {
		process.destroy();
		if (!process.waitFor(10, TimeUnit.SECONDS)) {
			process.destroyForcibly();
		}
		api.close();
	}
}
