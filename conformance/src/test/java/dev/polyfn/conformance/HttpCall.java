package dev.polyfn.conformance;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.polyfn.core.model.Headers;
import dev.polyfn.core.model.MediaTypes;
import dev.polyfn.core.model.QueryString;

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

	/** The query as a cloud's raw query string: {@code tag=a&tag=b}. */
	public String rawQuery() {
		return QueryString.build(query);
	}

	/**
	 * Whether the body travels as text in a JSON event; anything else travels base64-encoded, as gateways do for
	 * binary media types.
	 */
	public boolean textBody() {
		String type = contentType();
		return type == null || MediaTypes.isText(type);
	}

	/** The body as a JSON event field carries it: text as is, binary base64 (see {@link #textBody()}). */
	public String bodyField() {
		return textBody() ? new String(body, StandardCharsets.UTF_8) : Base64.getEncoder().encodeToString(body);
	}
}
