package dev.polyfn.messaging.aws;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.polyfn.aws.client.AwsClientException;
import dev.polyfn.aws.client.AwsServiceError;
import dev.polyfn.core.messaging.MessagingException;

/** The answers moto cannot give (it grants every permission and never throttles), as the clients report them. */
class AwsMessagingFailuresTest {

	private static AwsServiceError answered(int status, String code) {
		return new AwsServiceError("SQS", status, code, "request-1", 1);
	}

	@Test
	void sns_authorization_error_is_access_denied_without_the_service_text() {
		MessagingException failure = AwsMessagingFailures.translate("SNS", "alerts", answered(403, "AuthorizationError"));

		assertThat(failure).isInstanceOf(MessagingException.AccessDenied.class).hasMessageNotContaining("service text");
		assertThat(failure.status()).isEqualTo(500);
	}

	@Test
	void sqs_kms_throttling_is_throttled_503() {
		MessagingException failure = AwsMessagingFailures.translate("SQS", "results", answered(400, "KMS.ThrottlingException"));

		assertThat(failure).isInstanceOf(MessagingException.Throttled.class);
		assertThat(failure.status()).isEqualTo(503);
	}

	@Test
	void an_unknown_5xx_is_failed_with_status_and_code() {
		assertThat(AwsMessagingFailures.translate("SQS", "results", answered(500, "InternalError")))
			.isInstanceOf(MessagingException.Failed.class).hasMessage("Publishing to 'results' failed: SQS answered 500 InternalError");
	}

	@Test
	void no_answer_at_all_is_failed() {
		assertThat(AwsMessagingFailures.translate("SNS", "alerts", new AwsClientException("POST 127.0.0.1 failed after 3 attempts: java.net.ConnectException: Connection refused")))
			.isInstanceOf(MessagingException.Failed.class).hasMessage("Publishing to 'alerts' failed: SNS did not answer");
	}

	@Test
	void a_batch_entry_the_service_refused_on_its_side_says_sending_again_may_work() {
		assertThat(AwsMessagingFailures.entry("SQS", "results", "InternalError", false))
			.hasMessage("Publishing to 'results' failed: SQS refused the message: InternalError (a fault on its side; sending it again may work)");
	}
}
