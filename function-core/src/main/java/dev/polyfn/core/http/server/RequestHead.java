package dev.polyfn.core.http.server;

import dev.polyfn.core.model.Headers;

/**
 * A request line and its headers, checked: one unambiguous body framing ({@code contentLength} ≥ 0,
 * {@code chunked}, or neither for no body).
 */
record RequestHead(String method, String rawPath, String rawQuery, boolean http11, Headers headers,
		long contentLength, boolean chunked, boolean expectContinue, boolean keepAlive) {

	boolean hasBody() {
		return chunked || contentLength > 0;
	}
}
