package dev.polyfn.core.boot;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The {@code main} of a polyfn application served over HTTP (local development, containers, Knative, Cloud Run):
 * {@code PolyfnApplication.run(MyApplication.class, args)} in place of {@code SpringApplication.run}, as Spring
 * Cloud Function's {@code FunctionalSpringApplication} is. It starts the application with polyfn's light
 * bootstrap (the application's own configuration, no auto-configuration scan, lazy beans) and serves its
 * functions on polyfn's HTTP server, in a third of the time. {@code POLYFN_BOOTSTRAP=boot} runs a full
 * {@code SpringApplication} instead, for applications that need auto-configured beans (actuator, a DataSource).
 *
 * <p>Arguments of the form {@code --name=value} become properties, as with Spring Boot.
 */
public final class PolyfnApplication {

	private PolyfnApplication() {
	}

	public static ConfigurableApplicationContext run(Class<?> applicationClass, String... args) {
		Map<String, Object> properties = arguments(args);
		if (PolyfnRuntime.fullBoot(properties)) {
			return SpringApplication.run(applicationClass, args);
		}
		return serve(applicationClass, properties);
	}

	/** Starts the light bootstrap with the HTTP server; the cloud comes from the start script, else "web". */
	static ConfigurableApplicationContext serve(Class<?> applicationClass, Map<String, Object> properties) {
		Map<String, Object> server = new LinkedHashMap<>(properties);
		server.put("polyfn.http.enabled", "true");
		// The package's start script names its cloud (-Dpolyfn.cloud=aliyun); a plain java -jar serves "web".
		String cloud = System.getProperty("polyfn.cloud", System.getenv().getOrDefault("POLYFN_CLOUD", "web"));
		return PolyfnRuntime.start(applicationClass, cloud, server).context();
	}

	static Map<String, Object> arguments(String... args) {
		Map<String, Object> properties = new LinkedHashMap<>();
		for (String arg : args) {
			if (arg.startsWith("--") && arg.contains("=")) {
				properties.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
			}
		}
		return properties;
	}
}
