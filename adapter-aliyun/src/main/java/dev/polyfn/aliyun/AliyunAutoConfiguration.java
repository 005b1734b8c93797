package dev.polyfn.aliyun;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

import dev.polyfn.core.boot.PolyfnAutoConfiguration;
import dev.polyfn.core.http.HttpEndpoint;
import dev.polyfn.core.http.HttpExchangeInterceptor;
import dev.polyfn.core.http.HttpFunctionHandler;
import dev.polyfn.core.invoke.FunctionInvoker;

/**
 * Turns polyfn's HTTP server into an FC 3.0 custom runtime: {@code POST /invoke} for events,
 * {@code POST /initialize} and {@code GET /pre-stop} for the lifecycle hooks, and FC's request id and log lines
 * on pass-through HTTP. Every other path routes to functions as in web mode.
 */
@AutoConfiguration(after = PolyfnAutoConfiguration.class)
public class AliyunAutoConfiguration {

	@Bean
	public InvokeEndpoint aliyunInvokeEndpoint(FunctionInvoker invoker, HttpFunctionHandler http) {
		return new InvokeEndpoint(invoker, http);
	}

	@Bean
	public HttpEndpoint aliyunInitializeEndpoint() {
		return new LifecycleEndpoints.Initialize();
	}

	@Bean
	public HttpEndpoint aliyunPreStopEndpoint(ConfigurableApplicationContext application) {
		return new LifecycleEndpoints.PreStop(application);
	}

	@Bean
	public HttpExchangeInterceptor aliyunPassThroughInterceptor() {
		return new FcPassThroughInterceptor();
	}
}
