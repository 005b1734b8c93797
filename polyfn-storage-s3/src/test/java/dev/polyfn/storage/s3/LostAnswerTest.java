package dev.polyfn.storage.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.polyfn.core.storage.PutOptions;
import dev.polyfn.core.storage.StorageException;

/**
 * A create-only put whose first attempt wrote the object but lost its answer: the client's retry then fails the
 * condition on the function's own object. The scripted server drops the first answer (the connection closes after
 * the request was read), answers the retry 412, and HEAD gives what the bucket holds.
 */
class LostAnswerTest {

	private static final byte[] CONTENT = "first".getBytes(StandardCharsets.UTF_8);
	// MD5 of "first", as S3 tags a single-part upload of it.
	private static final String OUR_ETAG = "\"8b04d5e3775d298e78455efc5ca404d5\"";

	@RegisterExtension
	final ScriptedS3 s3 = new ScriptedS3();

	private static ScriptedS3.Answer bucketHolds(String etag) {
		return ScriptedS3.answer(200, Map.of("ETag", etag, "Content-Length", "5"), null);
	}

	@Test
	void a_retried_create_that_finds_its_own_bytes_succeeded() {
		s3.then(ScriptedS3.DROP).then(ScriptedS3.error(412, "PreconditionFailed")).then(bucketHolds(OUR_ETAG));

		assertThat(s3.storage().put("once", CONTENT, PutOptions.defaults().ifNoneMatch()).etag()).isEqualTo(OUR_ETAG);
	}

	@Test
	void a_retried_create_that_finds_other_bytes_is_a_conflict() {
		s3.then(ScriptedS3.DROP).then(ScriptedS3.error(412, "PreconditionFailed")).then(bucketHolds("\"0000\""));

		assertThatThrownBy(() -> s3.storage().put("once", CONTENT, PutOptions.defaults().ifNoneMatch()))
			.isInstanceOf(StorageException.PreconditionFailed.class);
	}

	@Test
	void a_create_that_failed_on_its_first_attempt_is_a_conflict_even_with_equal_bytes() {
		s3.then(ScriptedS3.error(412, "PreconditionFailed")).then(bucketHolds(OUR_ETAG));

		assertThatThrownBy(() -> s3.storage().put("once", CONTENT, PutOptions.defaults().ifNoneMatch()))
			.isInstanceOf(StorageException.PreconditionFailed.class);
	}
}
