package dev.polyfn.storage.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.withSettings;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.mockito.Answers;

import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;

import dev.polyfn.core.storage.PutOptions;
import dev.polyfn.core.storage.StorageException;

/**
 * A create-only put whose first attempt wrote the object but lost its answer: the SDK's retry then fails the
 * condition on the function's own object. S3Proxy cannot be made to drop an answer on cue, so the SDK client here
 * answers as it does in that case (412 after 2 attempts), and the bucket holds what the first attempt wrote.
 */
class LostAnswerTest {

	private static final byte[] CONTENT = "first".getBytes(StandardCharsets.UTF_8);
	// MD5 of "first", as S3 tags a single-part upload of it.
	private static final String OUR_ETAG = "\"8b04d5e3775d298e78455efc5ca404d5\"";

	private static S3Client s3Whose412CameAfter(int attempts, String etagInTheBucket) {
		S3Client s3 = mock(S3Client.class, withSettings().defaultAnswer(Answers.CALLS_REAL_METHODS));
		doThrow(S3Exception.builder().statusCode(412).numAttempts(attempts)
			.awsErrorDetails(AwsErrorDetails.builder().errorCode("PreconditionFailed").build()).build())
			.when(s3).putObject(any(PutObjectRequest.class), any(RequestBody.class));
		doReturn(HeadObjectResponse.builder().eTag(etagInTheBucket).contentLength(5L).build())
			.when(s3).headObject(any(HeadObjectRequest.class));
		return s3;
	}

	@Test
	void a_retried_create_that_finds_its_own_bytes_succeeded() {
		S3ObjectStorage storage = new S3ObjectStorage(s3Whose412CameAfter(2, OUR_ETAG), "b", "uploads", S3ObjectStorage.DEFAULT_PART_SIZE);

		assertThat(storage.put("once", CONTENT, PutOptions.defaults().ifNoneMatch()).etag()).isEqualTo(OUR_ETAG);
	}

	@Test
	void a_retried_create_that_finds_other_bytes_is_a_conflict() {
		S3ObjectStorage storage = new S3ObjectStorage(s3Whose412CameAfter(2, "\"0000\""), "b", "uploads", S3ObjectStorage.DEFAULT_PART_SIZE);

		assertThatThrownBy(() -> storage.put("once", CONTENT, PutOptions.defaults().ifNoneMatch()))
			.isInstanceOf(StorageException.PreconditionFailed.class);
	}

	@Test
	void a_create_that_failed_on_its_first_attempt_is_a_conflict_even_with_equal_bytes() {
		S3ObjectStorage storage = new S3ObjectStorage(s3Whose412CameAfter(1, OUR_ETAG), "b", "uploads", S3ObjectStorage.DEFAULT_PART_SIZE);

		assertThatThrownBy(() -> storage.put("once", CONTENT, PutOptions.defaults().ifNoneMatch()))
			.isInstanceOf(StorageException.PreconditionFailed.class);
	}
}
