package dev.polyfn.core.boot;

import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.cloud.function.context.FunctionCatalog;
import org.springframework.cloud.function.context.config.ContextFunctionCatalogAutoConfiguration;
import org.springframework.cloud.function.json.JsonMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.util.unit.DataSize;

import dev.polyfn.core.http.HttpEndpoint;
import dev.polyfn.core.http.HttpExchangeInterceptor;
import dev.polyfn.core.http.HttpFunctionHandler;
import dev.polyfn.core.http.PolyfnHttpServer;
import dev.polyfn.core.invoke.FunctionInvoker;

/**
 * Wires the pipeline on top of Spring Cloud Function's catalog, and the HTTP server unless a cloud adapter
 * that is invoked some other way (Lambda, Azure, GCP) turns it off with {@code polyfn.http.enabled=false}.
 */
@AutoConfiguration(after = ContextFunctionCatalogAutoConfiguration.class)
public class PolyfnAutoConfiguration {

	/** Web-app default port; FC custom runtimes and SCF web functions set 9000 through their start scripts. */
	static final int DEFAULT_PORT = 8080;

	@Bean
	@ConditionalOnMissingBean
	public FunctionInvoker polyfnFunctionInvoker(FunctionCatalog catalog, JsonMapper jsonMapper, Environment env) {
		FunctionInvoker invoker = new FunctionInvoker(catalog, jsonMapper,
				env.getProperty(FunctionInvoker.DEFINITION_PROPERTY));
		if (invoker.isConfigured()) {
			// Fail at start-up, naming the setting, rather than on every request.
			invoker.validateDefaultFunction();
		}
		return invoker;
	}

	@Bean
	@ConditionalOnMissingBean
	public HttpFunctionHandler polyfnHttpFunctionHandler(FunctionInvoker invoker, Environment env) {
		// Parsed here, not by a conversion service: the light bootstrap has only Spring's default one.
		String configured = env.getProperty("polyfn.max-body-size");
		DataSize limit = configured == null || configured.isBlank() ? DataSize.ofMegabytes(10) : DataSize.parse(configured.trim());
		return new HttpFunctionHandler(invoker, limit.toBytes());
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnProperty(name = "polyfn.http.enabled", matchIfMissing = true)
	public PolyfnHttpServer polyfnHttpServer(HttpFunctionHandler handler, ObjectProvider<HttpEndpoint> endpoints,
			ObjectProvider<HttpExchangeInterceptor> interceptor, Environment env) {
		List<HttpEndpoint> routes = endpoints.orderedStream().toList();
		int threads = env.getProperty("polyfn.http.threads", Integer.class,
				Math.max(8, Runtime.getRuntime().availableProcessors() * 4));
		return new PolyfnHttpServer(handler, routes, interceptor.getIfAvailable(),
				env.getProperty("polyfn.http.address", "0.0.0.0"), port(env), threads,
				env.getProperty("polyfn.cloud", "web"));
	}

	/** {@code server.port}, else {@code $PORT} (Cloud Run, Knative, FC, SCF), else the mode's default. */
	static int port(Environment env) {
		Integer port = env.getProperty("server.port", Integer.class);
		if (port == null) {
			port = env.getProperty("PORT", Integer.class);
		}
		if (port == null) {
			port = env.getProperty("polyfn.http.default-port", Integer.class, DEFAULT_PORT);
		}
		return port;
	}
}
