package dev.polyfn.storage.s3;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.polyfn.aws.client.AwsClientException;
import dev.polyfn.aws.client.AwsServiceError;
import dev.polyfn.core.storage.StorageException;

/**
 * S3's error answers, for the answers S3Proxy does not give (throttling, conflicts): status and code as the Amazon S3
 * API Reference lists them ("Error responses", https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html,
 * read 2026-12-07).
 */
class S3FailuresTest {

	private static AwsServiceError s3(int status, String code) {
		return new AwsServiceError("S3", status, code, "4442587FB7D0A2F9", 1);
	}

	private static StorageException translated(RuntimeException failed) {
		return S3Failures.translate("uploads", "cat.png", "read", failed);
	}

	@Test
	void slow_down_503_is_throttled_and_answers_503() {
		assertThat(translated(s3(503, "SlowDown"))).isInstanceOf(StorageException.Throttled.class)
			.extracting(StorageException::status).isEqualTo(503);
	}

	@Test
	void too_many_requests_429_is_throttled() {
		assertThat(translated(s3(429, null))).isInstanceOf(StorageException.Throttled.class);
	}

	@Test
	void slow_down_inside_a_200_answer_of_a_copy_is_throttled() {
		assertThat(translated(s3(200, "SlowDown"))).isInstanceOf(StorageException.Throttled.class);
	}

	@Test
	void an_internal_error_inside_a_200_answer_is_a_storage_failure() {
		assertThat(translated(s3(200, "InternalError"))).isInstanceOf(StorageException.Failed.class)
			.hasMessageContaining("200 InternalError");
	}

	@Test
	void a_404_without_a_body_is_not_found() {
		assertThat(translated(s3(404, null))).isInstanceOf(StorageException.NotFound.class);
	}

	@Test
	void a_precondition_failed_412_is_a_failed_precondition() {
		assertThat(translated(s3(412, "PreconditionFailed"))).isInstanceOf(StorageException.PreconditionFailed.class);
	}

	@Test
	void a_concurrent_conditional_write_409_is_a_failed_precondition() {
		assertThat(translated(s3(409, "ConditionalRequestConflict"))).isInstanceOf(StorageException.PreconditionFailed.class);
	}

	@Test
	void any_other_409_is_a_storage_failure() {
		assertThat(translated(s3(409, "OperationAborted"))).isInstanceOf(StorageException.Failed.class);
	}

	@Test
	void access_denied_403_answers_500_as_the_deployments_fault() {
		assertThat(translated(s3(403, "AccessDenied"))).isInstanceOf(StorageException.AccessDenied.class)
			.extracting(StorageException::status).isEqualTo(500);
	}

	@Test
	void an_internal_error_500_is_a_storage_failure_naming_s3s_status_and_code() {
		assertThat(translated(s3(500, "InternalError"))).isInstanceOf(StorageException.Failed.class)
			.hasMessageContaining("500 InternalError");
	}

	@Test
	void no_answer_at_all_is_a_storage_failure() {
		assertThat(translated(new AwsClientException("GET 127.0.0.1 failed after 3 attempts: Connection refused")))
			.isInstanceOf(StorageException.Failed.class);
	}

	@Test
	void the_message_never_carries_s3s_own_text() {
		// S3's <Message> ("User arn:aws:sts::123456789012:assumed-role/fn is not authorized") is never read.
		AwsServiceError denied = s3(403, "AccessDenied");

		assertThat(translated(denied).getMessage()).doesNotContain("AccessDenied").doesNotContain("4442587FB7D0A2F9");
	}
}
