package dev.polyfn.storage.s3;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.s3.model.S3Exception;

import dev.polyfn.core.storage.StorageException;

/**
 * S3's error answers as the SDK raises them, for the answers S3Proxy does not give (throttling, conflicts):
 * status and code as the Amazon S3 API Reference lists them ("Error responses",
 * https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html, read 2026-12-03).
 */
class S3FailuresTest {

	private static S3Exception s3(int status, String code) {
		return (S3Exception) S3Exception.builder().statusCode(status)
			.awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(code).build()).build();
	}

	private static StorageException translated(Exception failed) {
		return S3Failures.translate("uploads", "cat.png", "read", (software.amazon.awssdk.core.exception.SdkException) failed);
	}

	@Test
	void slow_down_503_is_throttled_and_answers_503() {
		assertThat(translated(s3(503, "SlowDown"))).isInstanceOf(StorageException.Throttled.class)
			.extracting(StorageException::status).isEqualTo(503);
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
		assertThat(translated(SdkClientException.create("Connection refused"))).isInstanceOf(StorageException.Failed.class);
	}

	@Test
	void the_message_never_carries_s3s_own_text() {
		S3Exception withDetail = (S3Exception) S3Exception.builder().statusCode(403)
			.awsErrorDetails(AwsErrorDetails.builder().errorCode("AccessDenied")
				.errorMessage("User arn:aws:sts::123456789012:assumed-role/fn is not authorized").build())
			.build();

		assertThat(translated(withDetail).getMessage()).doesNotContain("arn:aws").doesNotContain("123456789012");
	}
}
