package dev.polyfn.core.boot;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code Main-Class} of the packages whose cloud runs an HTTP server of ours (Function Compute custom
 * runtime, SCF web functions, containers): starts the application found in the jar's manifest with the light
 * bootstrap and serves it with the polyfn HTTP server. The user's own {@code main} (a full SpringApplication)
 * still works; this one just starts faster.
 *
 * <p>Arguments of the form {@code --name=value} become properties, as with Spring Boot.
 */
public final class PolyfnServer {

	private PolyfnServer() {
	}

	public static void main(String[] args) {
		LogbackStatus.quiet();
		Map<String, Object> properties = new LinkedHashMap<>();
		for (String arg : args) {
			if (arg.startsWith("--") && arg.contains("=")) {
				properties.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
			}
		}
		properties.put("polyfn.http.enabled", "true");
		// The package's start script names its cloud (-Dpolyfn.cloud=aliyun); a plain java -jar serves "web".
		String cloud = System.getProperty("polyfn.cloud", System.getenv().getOrDefault("POLYFN_CLOUD", "web"));
		ClassLoader loader = PolyfnServer.class.getClassLoader();
		PolyfnRuntime.start(ApplicationClassLocator.locate(loader), cloud, properties);
	}
}
