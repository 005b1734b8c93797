package dev.polyfn.core.http;

import dev.polyfn.core.invoke.InvocationContext;
import dev.polyfn.core.model.PortableHttpRequest;
import dev.polyfn.core.model.PortableHttpResponse;

/**
 * Lets a target shape the invocation context of function calls the server makes (a cloud's request-id header)
 * and observe each call (the start/end log lines a cloud's console reads). Declare one as a bean.
 */
public interface HttpExchangeInterceptor {

	default InvocationContext context(PortableHttpRequest request, InvocationContext defaults) {
		return defaults;
	}

	default void completed(PortableHttpRequest request, PortableHttpResponse response, InvocationContext context) {
	}
}
