package dev.polyfn.aliyun;

import org.springframework.beans.factory.BeanRegistrar;
import org.springframework.beans.factory.BeanRegistry;
import org.springframework.core.env.Environment;

import dev.polyfn.core.http.HttpEndpoint;
import dev.polyfn.core.http.HttpExchangeInterceptor;
import dev.polyfn.core.http.HttpFunctionHandler;
import dev.polyfn.core.invoke.FunctionInvoker;

/**
 * Turns polyfn's HTTP server into an FC 3.0 custom runtime: {@code POST /invoke} for events,
 * {@code POST /initialize} and {@code GET /pre-freeze}, {@code GET /pre-stop} for the lifecycle hooks (served only to FC's
 * control-plane calls, see {@link FcControlPlane}), and FC's request id and log lines
 * on pass-through HTTP. Every other path routes to functions as in web mode.
 */
public final class AliyunBeans implements BeanRegistrar {

	@Override
	public void register(BeanRegistry registry, Environment env) {
		registry.registerBean("aliyunInvokeEndpoint", InvokeEndpoint.class, spec -> spec.infrastructure().supplier(
				beans -> new InvokeEndpoint(beans.bean(FunctionInvoker.class), beans.bean(HttpFunctionHandler.class))));
		registry.registerBean("aliyunInitializeEndpoint", HttpEndpoint.class,
				spec -> spec.infrastructure().supplier(beans -> new LifecycleEndpoints.Initialize()));
		registry.registerBean("aliyunPreStopEndpoint", HttpEndpoint.class,
				spec -> spec.infrastructure().supplier(beans -> new LifecycleEndpoints.PreStop()));
		registry.registerBean("aliyunPreFreezeEndpoint", HttpEndpoint.class,
				spec -> spec.infrastructure().supplier(beans -> new LifecycleEndpoints.PreFreeze()));
		registry.registerBean("aliyunPassThroughInterceptor", HttpExchangeInterceptor.class,
				spec -> spec.infrastructure().supplier(beans -> new FcPassThroughInterceptor()));
	}
}
