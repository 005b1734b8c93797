package dev.polyfn.conformance;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.polyfn.core.model.Headers;

/**
 * An HTTP request as a case states it, in portable terms; each target turns it into its cloud's request.
 * {@code function} is the path segment that names the function ({@code /reverse}).
 */
public record HttpCall(String method, String function, Map<String, List<String>> query, Headers headers, byte[] body) {

	public static HttpCall post(String function, String contentType, byte[] body) {
		Headers headers = new Headers();
		if (contentType != null) {
			headers.set("Content-Type", contentType);
		}
		return new HttpCall("POST", function, new LinkedHashMap<>(), headers, body);
	}

	public static HttpCall post(String function, String contentType, String body) {
		return post(function, contentType, body.getBytes(StandardCharsets.UTF_8));
	}

	public static HttpCall get(String function) {
		return new HttpCall("GET", function, new LinkedHashMap<>(), new Headers(), new byte[0]);
	}

	public HttpCall query(String name, String... values) {
		query.put(name, List.of(values));
		return this;
	}

	public HttpCall header(String name, String value) {
		headers.add(name, value);
		return this;
	}

	public String path() {
		return "/" + function;
	}

	public String contentType() {
		return headers.first("Content-Type");
	}
}
