package dev.polyfn.messaging.pubsub;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import tools.jackson.databind.JsonNode;

import dev.polyfn.core.events.JsonEvents;
import dev.polyfn.core.messaging.MessagingException;

/**
 * Pub/Sub's error answers as polyfn's typed messaging failures ("Error codes",
 * https://cloud.google.com/pubsub/docs/reference/error-codes, read 2026-12-06): {@code NOT_FOUND} 404 (the topic is
 * not there), {@code PERMISSION_DENIED} 403 and {@code UNAUTHENTICATED} 401, {@code RESOURCE_EXHAUSTED} 429 (quota)
 * and {@code UNAVAILABLE} 503 (try again), {@code INVALID_ARGUMENT} 400 for a request past a size limit. The service's
 * own text goes to the cause, for the log, never into the message.
 */
final class PubSubFailures {

	private PubSubFailures() {
	}

	static MessagingException translate(String alias, int status, byte[] body, long requestBytes) {
		String code = code(body);
		String text = body == null ? "" : new String(body, StandardCharsets.UTF_8);
		IOException cause = new IOException("Pub/Sub answered " + status + (code == null ? "" : " " + code) + ": "
				+ dev.polyfn.core.invoke.CallerText.excerpt(text, 500));
		if (status == 404 || "NOT_FOUND".equals(code)) {
			return new MessagingException.NotFound(alias, cause);
		}
		if (status == 401 || status == 403 || "PERMISSION_DENIED".equals(code) || "UNAUTHENTICATED".equals(code)) {
			return new MessagingException.AccessDenied(alias, cause);
		}
		if (status == 429 || status == 503 || "RESOURCE_EXHAUSTED".equals(code) || "UNAVAILABLE".equals(code)) {
			return new MessagingException.Throttled(alias, cause);
		}
		if (status == 400 && tooLarge(text)) {
			MessagingException tooLarge = new MessagingException.TooLarge(alias, requestBytes, PubSubTopic.MAX_REQUEST_BYTES);
			tooLarge.initCause(cause);
			return tooLarge;
		}
		return new MessagingException.Failed(alias, "Pub/Sub answered " + status + (code == null ? "" : " " + code), cause);
	}

	private static boolean tooLarge(String text) {
		String lower = text.toLowerCase(java.util.Locale.ROOT);
		return lower.contains("too large") || lower.contains("exceeds") && (lower.contains("size") || lower.contains("bytes"));
	}

	/** {@code error.status} of Google's JSON error body ({"error":{"code":404,"message":...,"status":"NOT_FOUND"}}). */
	private static String code(byte[] body) {
		if (body == null || body.length == 0) {
			return null;
		}
		try {
			JsonNode error = JsonEvents.parse(body).get("error");
			return error == null ? null : JsonEvents.text(error, "status");
		}
		catch (RuntimeException notJson) {
			return null;
		}
	}
}
