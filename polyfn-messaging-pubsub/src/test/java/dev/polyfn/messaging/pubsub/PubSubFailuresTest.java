package dev.polyfn.messaging.pubsub;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import dev.polyfn.core.messaging.MessagingException;

/**
 * Google's error bodies ({"error":{"code","message","status"}}) for the answers the emulator does not give (it checks
 * no permission and has no quota), as the error-codes page lists them.
 */
class PubSubFailuresTest {

	@Test
	void permission_denied_is_access_denied() {
		assertThat(translate(403, "PERMISSION_DENIED", "User not authorized to perform this action."))
			.isInstanceOf(MessagingException.AccessDenied.class);
	}

	@Test
	void resource_exhausted_is_throttled() {
		assertThat(translate(429, "RESOURCE_EXHAUSTED", "Quota exceeded")).isInstanceOf(MessagingException.Throttled.class)
			.satisfies(e -> assertThat(e.status()).isEqualTo(503));
	}

	@Test
	void a_request_too_large_is_too_large() {
		assertThat(translate(400, "INVALID_ARGUMENT", "Request payload size exceeds the limit: 10485760 bytes."))
			.isInstanceOf(MessagingException.TooLarge.class);
	}

	@Test
	void another_invalid_argument_is_a_failure_without_the_service_text() {
		MessagingException failure = translate(400, "INVALID_ARGUMENT", "Invalid [topics] name: (name=projects/secret-project/topics/x)");

		assertThat(failure).isInstanceOf(MessagingException.Failed.class);
		assertThat(failure.getMessage()).isEqualTo("Publishing to 'alias' failed: Pub/Sub answered 400 INVALID_ARGUMENT");
		assertThat(failure.getCause().getMessage()).contains("Invalid [topics] name");
	}

	private static MessagingException translate(int status, String code, String message) {
		String body = "{\"error\":{\"code\":" + status + ",\"message\":\"" + message + "\",\"status\":\"" + code + "\"}}";
		return PubSubFailures.translate("alias", status, body.getBytes(StandardCharsets.UTF_8), 100);
	}
}
