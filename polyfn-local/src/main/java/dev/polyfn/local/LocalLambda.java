package dev.polyfn.local;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A Lambda function on this machine: the uploaded jar (or unpacked task root) in a child JVM under the real AWS
 * Lambda runtime interface client ({@code com.amazonaws.services.lambda.runtime.api.client.AWSLambda <handler>}),
 * as the managed java17/java21 runtimes run it: their runtime client's jars first, then the function's code, the
 * runtime's JVM flags and {@code AWS_LAMBDA_*} environment; the client polls its own {@link LambdaRuntimeApi}.
 */
public final class LocalLambda implements AutoCloseable {

	public static final String RUNTIME_CLIENT_MAIN = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";

	/** The jars of aws-lambda-java-runtime-interface-client 2.9.0 and what it needs, by artifact name. */
	public static final List<String> RUNTIME_CLIENT_ARTIFACTS = List.of("aws-lambda-java-runtime-interface-client",
			"aws-lambda-java-serialization", "aws-lambda-java-core", "utils-lite");

	/** The JVM flags of Lambda's managed java17 runtime (1024 MB function). */
	public static final List<String> MANAGED_RUNTIME_JVM_FLAGS = List.of("-XX:+TieredCompilation",
			"-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto", "-XX:MaxHeapSize=870m");

	private final LambdaRuntimeApi api;
	private final LocalProcess process;

	private LocalLambda(LambdaRuntimeApi api, LocalProcess process) {
		this.api = api;
		this.process = process;
	}

	/** What a Lambda function is started with. */
	public record Settings(Path code, String handler, List<Path> runtimeClientJars, String functionName,
			Map<String, String> environment, List<String> jvmFlags, String java) {

		public Settings {
			environment = Map.copyOf(environment);
			jvmFlags = List.copyOf(jvmFlags);
		}

		public static Settings of(Path code, String handler, List<Path> runtimeClientJars) {
			return new Settings(code, handler, runtimeClientJars, "polyfn-local", Map.of(), MANAGED_RUNTIME_JVM_FLAGS,
					LocalProcess.java());
		}

		public Settings withEnvironment(Map<String, String> env) {
			return new Settings(code, handler, runtimeClientJars, functionName, env, jvmFlags, java);
		}

		public Settings withFunctionName(String name) {
			return new Settings(code, handler, runtimeClientJars, name, environment, jvmFlags, java);
		}

		/** The JVM of the managed runtime's Java version ({@code java25}: 25) when one is installed here. */
		public Settings withJavaVersion(int feature) {
			return new Settings(code, handler, runtimeClientJars, functionName, environment, jvmFlags,
					LocalJvms.java(feature).toString());
		}

		public Settings withJvmFlags(List<String> flags) {
			return new Settings(code, handler, runtimeClientJars, functionName, environment, flags, java);
		}
	}

	/**
	 * Starts the function with an API of its own: an API outlives nothing, so a stopped process's pending
	 * {@code next} request cannot take another function's invocation.
	 */
	public static LocalLambda start(Settings settings, Path log) throws IOException {
		if (settings.runtimeClientJars().stream()
				.noneMatch(jar -> jar.getFileName().toString().startsWith("aws-lambda-java-runtime-interface-client"))) {
			throw new IllegalArgumentException("The runtime client jars do not hold aws-lambda-java-runtime-interface-client: "
					+ settings.runtimeClientJars());
		}
		LambdaRuntimeApi api = new LambdaRuntimeApi(
				"arn:aws:lambda:us-east-1:123456789012:function:" + settings.functionName());
		List<String> command = new ArrayList<>(List.of(settings.java()));
		command.addAll(settings.jvmFlags());
		command.add("-cp");
		command.add(classPath(settings));
		command.add(RUNTIME_CLIENT_MAIN);
		command.add(settings.handler());
		Map<String, String> env = new LinkedHashMap<>();
		env.put("AWS_LAMBDA_RUNTIME_API", api.address());
		env.put("_HANDLER", settings.handler());
		env.put("LAMBDA_TASK_ROOT", settings.code().toAbsolutePath().toString());
		env.put("AWS_LAMBDA_FUNCTION_NAME", settings.functionName());
		env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
		env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "1024");
		env.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + settings.functionName());
		env.put("AWS_LAMBDA_LOG_STREAM_NAME", "polyfn-local");
		env.put("AWS_REGION", "us-east-1");
		env.put("AWS_DEFAULT_REGION", "us-east-1");
		env.put("AWS_EXECUTION_ENV", "AWS_Lambda_java17");
		env.put("TZ", "UTC");
		env.put("MAIN_CLASS", null);
		env.put("SPRING_CLOUD_FUNCTION_DEFINITION", null);
		env.putAll(settings.environment());
		try {
			return new LocalLambda(api, LocalProcess.start(command, null, env, log));
		}
		catch (IOException | RuntimeException e) {
			api.close();
			throw e;
		}
	}

	/** Lambda's order: the runtime's own jars, then the task root (a jar, or a folder and its lib/*.jar). */
	private static String classPath(Settings settings) throws IOException {
		List<String> entries = new ArrayList<>();
		settings.runtimeClientJars().forEach(jar -> entries.add(jar.toString()));
		Path code = settings.code();
		entries.add(code.toString());
		if (Files.isDirectory(code.resolve("lib"))) {
			try (Stream<Path> jars = Files.list(code.resolve("lib"))) {
				jars.filter(p -> p.toString().endsWith(".jar")).sorted().forEach(p -> entries.add(p.toString()));
			}
		}
		return String.join(File.pathSeparator, entries);
	}

	/** The runtime client's jars among the entries of a class path (a test's own, say). */
	public static List<Path> runtimeClientJarsOn(String classPath) {
		List<Path> jars = new ArrayList<>();
		for (String entry : classPath.split(File.pathSeparator)) {
			String file = new File(entry).getName();
			if (RUNTIME_CLIENT_ARTIFACTS.stream().anyMatch(file::startsWith)) {
				jars.add(Path.of(entry));
			}
		}
		return jars;
	}

	public LambdaRuntimeApi api() {
		return api;
	}

	public LocalProcess process() {
		return process;
	}

	@Override
	public void close() {
		process.close();
		api.close();
	}
}
