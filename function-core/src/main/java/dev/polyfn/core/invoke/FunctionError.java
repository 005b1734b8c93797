package dev.polyfn.core.invoke;

import java.nio.charset.StandardCharsets;

import dev.polyfn.core.model.MediaTypes;
import dev.polyfn.core.model.PortableHttpResponse;

/**
 * The one error contract of every polyfn target, after the Functions Framework's: what went wrong as a
 * status, a short machine-readable code and a message for people. Never carries a stack trace.
 */
public record FunctionError(int status, String error, String message) {

	public static FunctionError unknownFunction(String message) {
		return new FunctionError(404, "function_not_found", message);
	}

	public static FunctionError invalidInput(String message) {
		return new FunctionError(400, "invalid_input", message);
	}

	public static FunctionError unsupportedMediaType(String message) {
		return new FunctionError(415, "unsupported_media_type", message);
	}

	public static FunctionError payloadTooLarge(long size, long limit) {
		return new FunctionError(413, "payload_too_large",
				"The body has " + size + " bytes; the limit is " + limit + " (polyfn.max-body-size)");
	}

	public static FunctionError functionFailed(String definition, Throwable cause) {
		return new FunctionError(500, "function_error",
				"Function '" + definition + "' failed with " + cause.getClass().getSimpleName());
	}

	public static FunctionError outputUnwritable(String definition) {
		return new FunctionError(500, "output_error", "The result of function '" + definition + "' could not be written");
	}

	/** The code a function-chosen status gets. */
	public static String codeFor(int status) {
		return switch (status) {
			case 400 -> "bad_request";
			case 401 -> "unauthorized";
			case 403 -> "forbidden";
			case 404 -> "not_found";
			case 405 -> "method_not_allowed";
			case 408 -> "timeout";
			case 409 -> "conflict";
			case 413 -> "payload_too_large";
			case 415 -> "unsupported_media_type";
			case 422 -> "unprocessable_entity";
			case 429 -> "too_many_requests";
			case 503 -> "unavailable";
			default -> status >= 500 ? "function_error" : "error";
		};
	}

	public String toJson() {
		return "{\"error\":" + JsonStrings.quote(error) + ",\"message\":" + JsonStrings.quote(message) + "}";
	}

	public byte[] toJsonBytes() {
		return toJson().getBytes(StandardCharsets.UTF_8);
	}

	public PortableHttpResponse toHttpResponse() {
		return PortableHttpResponse.of(status, MediaTypes.JSON, toJsonBytes());
	}
}
