package dev.polyfn.core.http;

import dev.polyfn.core.model.PortableHttpRequest;
import dev.polyfn.core.model.PortableHttpResponse;

/**
 * A route an adapter adds to the polyfn HTTP server ahead of function routing, such as Function Compute's
 * {@code POST /invoke} and lifecycle hooks. Declare one as a bean.
 */
public interface HttpEndpoint {

	boolean matches(String method, String path);

	/** Whether this endpoint serves the request; by default its method and path decide. */
	default boolean matches(PortableHttpRequest request) {
		return matches(request.method(), request.path());
	}

	PortableHttpResponse handle(PortableHttpRequest request);

	/**
	 * The server's own refusal of a request to this endpoint (body over the limit, too slow, overloaded,
	 * shutting down), for the endpoint to add what its caller expects on every answer (FC's {@code x-fc-status}).
	 */
	default PortableHttpResponse refused(PortableHttpResponse refusal) {
		return refusal;
	}
}
