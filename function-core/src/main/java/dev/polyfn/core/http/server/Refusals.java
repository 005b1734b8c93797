package dev.polyfn.core.http.server;

import dev.polyfn.core.invoke.FunctionError;
import dev.polyfn.core.model.PortableHttpResponse;

/** The server's own 503s: both say when to come back, so clients and queues retry rather than give up. */
final class Refusals {

	private Refusals() {
	}

	static PortableHttpResponse overloaded() {
		PortableHttpResponse response = new FunctionError(503, "unavailable",
				"The server is at capacity; retry shortly").toHttpResponse();
		response.headers().set("Retry-After", "1");
		return response;
	}

	static PortableHttpResponse shuttingDown() {
		PortableHttpResponse response = new FunctionError(503, "shutting_down",
				"The server is shutting down; retry on another instance").toHttpResponse();
		response.headers().set("Retry-After", "1");
		return response;
	}
}
