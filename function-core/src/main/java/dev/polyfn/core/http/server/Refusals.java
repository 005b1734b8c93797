package dev.polyfn.core.http.server;

import dev.polyfn.core.invoke.FunctionError;
import dev.polyfn.core.model.PortableHttpResponse;

/** The server's own 503: it says when to come back, so clients and queues retry rather than give up. */
final class Refusals {

	private Refusals() {
	}

	static PortableHttpResponse overloaded() {
		PortableHttpResponse response = new FunctionError(503, "unavailable",
				"The server is at capacity; retry shortly").toHttpResponse();
		response.headers().set("Retry-After", "1");
		return response;
	}
}
