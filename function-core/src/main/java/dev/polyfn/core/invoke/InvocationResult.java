package dev.polyfn.core.invoke;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import dev.polyfn.core.model.MediaTypes;

/**
 * The outcome of one invocation: a status with the written body, the headers a {@code Message} result
 * carried (already stripped of everything internal), and the error when it failed.
 */
public record InvocationResult(int status, byte[] body, String contentType, Map<String, Object> headers,
		FunctionError error) {

	public InvocationResult {
		body = body == null ? new byte[0] : body;
		headers = headers == null ? Map.of() : headers;
	}

	public static InvocationResult failure(FunctionError error) {
		return new InvocationResult(error.status(), error.toJsonBytes(), MediaTypes.JSON, Map.of(), error);
	}

	public boolean failed() {
		return error != null;
	}

	public String bodyAsString() {
		return new String(body, MediaTypes.charset(contentType, StandardCharsets.UTF_8));
	}
}
