package dev.polyfn.azure.customhandler;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Defaults of polyfn's HTTP server started as an Azure Functions custom handler: the Functions host passes the
 * port it will forward requests to as {@code FUNCTIONS_CUSTOMHANDLER_PORT} (learn.microsoft.com
 * azure-functions/functions-custom-handlers, "Custom handler"), and the server reports itself as {@code azure}.
 * They rank below everything else, so {@code server.port} and {@code $PORT} still win. Without that variable
 * (the Java worker, any other cloud) nothing changes.
 */
public class CustomHandlerEnvironment implements EnvironmentPostProcessor {

	static final String PORT_VARIABLE = "FUNCTIONS_CUSTOMHANDLER_PORT";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		String port = environment.getProperty(PORT_VARIABLE);
		if (port == null || port.isBlank()) {
			return;
		}
		environment.getPropertySources().addLast(new MapPropertySource("polyfnAzureCustomHandlerDefaults",
				Map.of("polyfn.cloud", "azure", "polyfn.http.default-port", port.trim())));
	}
}
