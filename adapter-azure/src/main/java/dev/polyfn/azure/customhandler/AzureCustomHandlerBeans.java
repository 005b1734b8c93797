package dev.polyfn.azure.customhandler;

import org.springframework.beans.factory.BeanRegistrar;
import org.springframework.beans.factory.BeanRegistry;
import org.springframework.core.env.Environment;

import dev.polyfn.core.http.HttpEndpoint;
import dev.polyfn.core.http.HttpFunctionHandler;

/**
 * Adds the custom handler's routes to polyfn's HTTP server, only when the server runs for Azure (the custom
 * handler's start script says {@code -Dpolyfn.cloud=azure}): the same application in web mode or on another
 * cloud keeps its own {@code /api/...} paths.
 */
public final class AzureCustomHandlerBeans implements BeanRegistrar {

	@Override
	public void register(BeanRegistry registry, Environment env) {
		if (!"azure".equals(env.getProperty("polyfn.cloud"))) {
			return;
		}
		registry.registerBean("azureForwardedHttpEndpoint", HttpEndpoint.class, spec -> spec.infrastructure()
				.supplier(beans -> new ForwardedHttpEndpoint(beans.bean(HttpFunctionHandler.class), env)));
	}
}
