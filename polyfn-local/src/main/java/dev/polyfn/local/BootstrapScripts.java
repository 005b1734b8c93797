package dev.polyfn.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The start scripts of the custom runtimes, run from the unpacked code folder as the platform runs them:
 * Alibaba Cloud FC 3.0's {@code bootstrap} (custom runtime, listening on {@code FC_SERVER_PORT}, default 9000) and
 * Tencent SCF's {@code scf_bootstrap} (web function, port 9000) and {@code bootstrap} (event function on the Custom
 * Runtime, against {@link ScfRuntimeApi}). The port is a free one here, given by environment.
 */
public final class BootstrapScripts {

	private BootstrapScripts() {
	}

	/** FC's custom runtime: {@code /code/bootstrap} with the FC_* environment. */
	public static LocalServer startFcBootstrap(Path code, Map<String, String> env, Path log) throws IOException {
		int port = Ports.free();
		Map<String, String> environment = new LinkedHashMap<>();
		environment.put("FC_SERVER_PORT", Integer.toString(port));
		environment.put("FC_CUSTOM_LISTEN_PORT", Integer.toString(port));
		environment.put("FC_FUNCTION_NAME", "polyfn-local");
		environment.put("FC_FUNCTION_MEMORY_SIZE", "1024");
		environment.put("FC_REGION", "cn-hangzhou");
		return start(code, "bootstrap", port, environment, env, log);
	}

	/** SCF's web function: {@code scf_bootstrap} in the code folder. */
	public static LocalServer startScfBootstrap(Path code, Map<String, String> env, Path log) throws IOException {
		return start(code, "scf_bootstrap", Ports.free(), scfPlatform(), env, log);
	}

	/**
	 * SCF's event function on the Custom Runtime: {@code bootstrap} in the code folder, told where the runtime API
	 * is by {@code SCF_RUNTIME_API} and {@code SCF_RUNTIME_API_PORT}, and given the function's execution method as
	 * {@code _HANDLER} (583/47274, 583/38130, checked 2026-12-02).
	 */
	public static LocalProcess startScfCustomRuntime(Path code, ScfRuntimeApi api, String handler,
			Map<String, String> env, Path log) throws IOException {
		Map<String, String> environment = new LinkedHashMap<>(scfPlatform());
		environment.put("SCF_RUNTIME_API", api.host());
		environment.put("SCF_RUNTIME_API_PORT", Integer.toString(api.port()));
		environment.put("_HANDLER", handler);
		return startProcess(code, "bootstrap", Ports.free(), environment, env, log);
	}

	private static Map<String, String> scfPlatform() {
		Map<String, String> environment = new LinkedHashMap<>();
		environment.put("SCF_FUNCTIONNAME", "polyfn-local");
		environment.put("SCF_FUNCTIONVERSION", "$LATEST");
		environment.put("TENCENTCLOUD_REGION", "ap-guangzhou");
		return environment;
	}

	private static LocalServer start(Path code, String script, int port, Map<String, String> platform,
			Map<String, String> env, Path log) throws IOException {
		return new LocalServer(startProcess(code, script, port, platform, env, log), port);
	}

	private static LocalProcess startProcess(Path code, String script, int port, Map<String, String> platform,
			Map<String, String> env, Path log) throws IOException {
		Path file = code.resolve(script);
		if (!Files.isExecutable(file)) {
			throw new IOException(file + " is missing or not executable");
		}
		Map<String, String> environment = new LinkedHashMap<>(platform);
		environment.put("PORT", Integer.toString(port));
		// The scripts name the platform's JDK path; JAVA_HOME points them at this machine's.
		environment.put("JAVA_HOME", System.getProperty("java.home"));
		environment.put("SPRING_CLOUD_FUNCTION_DEFINITION", null);
		environment.put("TZ", "UTC");
		environment.putAll(env);
		return LocalProcess.start(List.of(file.toString()), code, environment, log);
	}
}
