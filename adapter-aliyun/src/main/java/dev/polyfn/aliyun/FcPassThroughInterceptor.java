package dev.polyfn.aliyun;

import dev.polyfn.core.http.HttpExchangeInterceptor;
import dev.polyfn.core.invoke.InvocationContext;
import dev.polyfn.core.model.PortableHttpRequest;
import dev.polyfn.core.model.PortableHttpResponse;

/**
 * HTTP-trigger requests, which FC 3.0 passes through as they came (method, path, headers, body): the function
 * routing is web mode's, and this adds FC's request id, {@code x-fc-*} context and the start/end log lines.
 */
final class FcPassThroughInterceptor implements HttpExchangeInterceptor {

	@Override
	public InvocationContext context(PortableHttpRequest request, InvocationContext defaults) {
		InvocationContext context = FcInvocation.context(request);
		FcInvocation.started("Invoke", context);
		return context;
	}

	@Override
	public void completed(PortableHttpRequest request, PortableHttpResponse response, InvocationContext context) {
		FcInvocation.ended("Invoke", context);
	}
}
