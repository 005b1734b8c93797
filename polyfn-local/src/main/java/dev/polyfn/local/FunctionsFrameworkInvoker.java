package dev.polyfn.local;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Google's Functions Framework serving a built jar, as Cloud Run functions (gen2) runs Java:
 * {@code java -jar java-function-invoker-2.0.0.jar --classpath <jar> --target <class> --port <port>}.
 */
public final class FunctionsFrameworkInvoker {

	private FunctionsFrameworkInvoker() {
	}

	public static LocalServer start(Path invokerJar, Path functionJar, String target, Map<String, String> env, Path log)
			throws IOException {
		return start(invokerJar, functionJar, target, env, log, Ports.free());
	}

	public static LocalServer start(Path invokerJar, Path functionJar, String target, Map<String, String> env, Path log,
			int port) throws IOException {
		return start(LocalProcess.java(), invokerJar, functionJar, target, env, log, port);
	}

	/** The same, on the given {@code java} (the base image's Java version, see {@link LocalJvms}). */
	public static LocalServer start(String java, Path invokerJar, Path functionJar, String target,
			Map<String, String> env, Path log, int port) throws IOException {
		List<String> command = List.of(java, "-jar", invokerJar.toString(), "--classpath",
				functionJar.toString(), "--target", target, "--port", Integer.toString(port));
		Map<String, String> environment = new java.util.LinkedHashMap<>();
		environment.put("SPRING_CLOUD_FUNCTION_DEFINITION", null);
		environment.put("PORT", Integer.toString(port));
		environment.put("K_SERVICE", "polyfn-local");
		environment.put("FUNCTION_TARGET", target);
		environment.putAll(env);
		return new LocalServer(LocalProcess.start(command, null, environment, log), port);
	}
}
