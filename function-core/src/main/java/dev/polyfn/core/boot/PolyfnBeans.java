package dev.polyfn.core.boot;

import java.util.List;
import java.util.function.Supplier;

import org.springframework.beans.factory.BeanRegistrar;
import org.springframework.beans.factory.BeanRegistry;
import org.springframework.cloud.function.context.FunctionCatalog;
import org.springframework.cloud.function.json.JsonMapper;
import org.springframework.core.env.Environment;
import org.springframework.util.unit.DataSize;

import dev.polyfn.core.http.CorsPolicy;
import dev.polyfn.core.http.HttpEndpoint;
import dev.polyfn.core.http.HttpExchangeInterceptor;
import dev.polyfn.core.http.HttpFunctionHandler;
import dev.polyfn.core.http.HttpLimits;
import dev.polyfn.core.http.PolyfnHttpServer;
import dev.polyfn.core.invoke.FunctionBeans;
import dev.polyfn.core.invoke.FunctionInvoker;
import dev.polyfn.core.messaging.MessagingBeans;
import dev.polyfn.core.storage.StorageBeans;

/**
 * The pipeline on top of Spring Cloud Function's catalog, and the HTTP server unless a cloud adapter that is
 * invoked some other way (Lambda, Azure, GCP) turns it off with {@code polyfn.http.enabled=false}. Registered
 * in code, not through {@code @Bean} methods and conditions: the light bootstrap registers it directly, the
 * full Spring Boot bootstrap through {@link PolyfnAutoConfiguration}.
 */
public final class PolyfnBeans implements BeanRegistrar {

	/** Web-app default port; FC custom runtimes and SCF web functions set 9000 through their start scripts. */
	static final int DEFAULT_PORT = 8080;

	@Override
	public void register(BeanRegistry registry, Environment env) {
		registry.registerBean("polyfnFunctionBeans", FunctionBeans.class,
				spec -> spec.infrastructure().supplier(beans -> new FunctionBeans()));
		registry.registerBean("polyfnFunctionInvoker", FunctionInvoker.class,
				spec -> spec.infrastructure().supplier(beans -> functionInvoker(beans.beanProvider(FunctionCatalog.class)::getObject,
						beans.bean(FunctionBeans.class), beans.beanProvider(JsonMapper.class)::getObject, env)));
		registry.registerBean("polyfnHttpFunctionHandler", HttpFunctionHandler.class,
				spec -> spec.infrastructure().supplier(beans -> new HttpFunctionHandler(beans.bean(FunctionInvoker.class), maxBodySize(env),
						CorsPolicy.from(env))));
		// Storage aliases, lazy: a function that takes no StorageBuckets pays for one bean definition.
		new StorageBeans().register(registry, env);
		// Messaging aliases, lazy in the same way.
		new MessagingBeans().register(registry, env);
		// Read as text: a typed lookup would build Spring's default conversion service just for this flag.
		if (!"false".equalsIgnoreCase(env.getProperty("polyfn.http.enabled", "true").trim())) {
			registry.registerBean("polyfnHttpServer", PolyfnHttpServer.class, spec -> spec.infrastructure().supplier(beans -> httpServer(
					beans.bean(HttpFunctionHandler.class), beans.beanProvider(HttpEndpoint.class).orderedStream().toList(),
					beans.beanProvider(HttpExchangeInterceptor.class).getIfAvailable(), env)));
		}
	}

	/** The catalog and the JSON mapper are only made when a function needs them (see {@link FunctionBeans}). */
	static FunctionInvoker functionInvoker(Supplier<FunctionCatalog> catalog, FunctionBeans functions,
			Supplier<JsonMapper> jsonMapper, Environment env) {
		FunctionInvoker invoker = new FunctionInvoker(catalog, functions, jsonMapper,
				env.getProperty(FunctionInvoker.DEFINITION_PROPERTY));
		if (invoker.isConfigured()) {
			// Fail at start-up, naming the setting, rather than on every request.
			invoker.validateDefaultFunction();
		}
		return invoker;
	}

	/** {@code polyfn.max-body-size}, parsed here: the light bootstrap has no Boot conversion service. */
	static long maxBodySize(Environment env) {
		String configured = env.getProperty("polyfn.max-body-size");
		DataSize limit = configured == null || configured.isBlank() ? DataSize.ofMegabytes(10) : DataSize.parse(configured.trim());
		return limit.toBytes();
	}

	static PolyfnHttpServer httpServer(HttpFunctionHandler handler, List<HttpEndpoint> routes,
			HttpExchangeInterceptor interceptor, Environment env) {
		int threads = env.getProperty("polyfn.http.threads", Integer.class,
				Math.max(8, Runtime.getRuntime().availableProcessors() * 4));
		return new PolyfnHttpServer(handler, routes, interceptor, env.getProperty("polyfn.http.address", "0.0.0.0"),
				port(env), HttpLimits.from(env, handler.maxBodySize(), threads), env.getProperty("polyfn.cloud", "web"),
				"true".equalsIgnoreCase(env.getProperty("polyfn.http.functions-listing", "false").trim()));
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
