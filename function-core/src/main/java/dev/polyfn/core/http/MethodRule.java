package dev.polyfn.core.http;

import java.util.List;

import dev.polyfn.core.invoke.FunctionError;
import dev.polyfn.core.invoke.ResolvedFunction;
import dev.polyfn.core.model.PortableHttpResponse;

/**
 * Which HTTP methods run a function, the same on every cloud: POST always; GET for a supplier, and for any
 * function when the request has no body (as before: an API gateway's GET route runs its function on the query
 * and headers). A GET with a body, HEAD, OPTIONS and every other method never run one (a CORS preflight or a
 * link checker must not reserve stock or write an audit line): OPTIONS answers 204 with {@code Allow}, the rest
 * 405 with {@code Allow}.
 */
final class MethodRule {

	private static final List<String> SUPPLIER = List.of("GET", "POST");
	private static final List<String> FUNCTION = List.of("POST");

	private MethodRule() {
	}

	static List<String> runs(ResolvedFunction function) {
		return function.isSupplier() ? SUPPLIER : FUNCTION;
	}

	/** The {@code Allow} header: what runs the function, and OPTIONS. */
	static String allow(ResolvedFunction function) {
		return String.join(", ", runs(function)) + ", OPTIONS";
	}

	/** Null when {@code method} runs the function; otherwise the answer instead. A missing method is a POST. */
	static PortableHttpResponse refusal(String method, ResolvedFunction function, boolean hasBody) {
		if (method == null || runs(function).contains(method) || ("GET".equals(method) && !hasBody)) {
			return null;
		}
		PortableHttpResponse response;
		if ("OPTIONS".equals(method)) {
			response = new PortableHttpResponse(204, new dev.polyfn.core.model.Headers(), new byte[0]);
		}
		else {
			String message = RequestTokens.isToken(method)
					? method + " does not run function '" + function.definition() + "'; use " + String.join(" or ", runs(function))
					: "The method is not a valid HTTP token; use " + String.join(" or ", runs(function));
			response = new FunctionError(405, "method_not_allowed", message).toHttpResponse();
		}
		response.headers().set("Allow", allow(function));
		return response;
	}
}
