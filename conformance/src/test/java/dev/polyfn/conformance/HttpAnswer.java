package dev.polyfn.conformance;

import java.nio.charset.StandardCharsets;

import dev.polyfn.core.model.Headers;

/** What came back, turned from the cloud's response shape into portable terms by the target. */
public record HttpAnswer(int status, Headers headers, byte[] body) {

	public String text() {
		return new String(body, StandardCharsets.UTF_8);
	}

	public String contentType() {
		return headers.first("Content-Type");
	}
}
