package dev.polyfn.core.http;

import dev.polyfn.core.model.PortableHttpRequest;
import dev.polyfn.core.model.PortableHttpResponse;

/**
 * A route an adapter adds to the polyfn HTTP server ahead of function routing, such as Function Compute's
 * {@code POST /invoke} and lifecycle hooks. Declare one as a bean.
 */
public interface HttpEndpoint {

	boolean matches(String method, String path);

	PortableHttpResponse handle(PortableHttpRequest request);
}
