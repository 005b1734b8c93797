package dev.polyfn.storage.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.polyfn.aws.client.SigV4;
import dev.polyfn.core.storage.ObjectListing;
import dev.polyfn.core.storage.ObjectStorage;
import dev.polyfn.core.storage.ObjectSummary;
import dev.polyfn.core.storage.PutOptions;
import dev.polyfn.core.storage.StorageException;

/**
 * What goes on the wire, and the answers S3 gives that S3Proxy does not give on cue (a 503, an error inside a 200),
 * through a server that answers from a script (Amazon S3 API Reference, "CopyObject", "CompleteMultipartUpload",
 * "ListObjectsV2", "Error responses", read 2026-12-07).
 */
class S3WireTest {

	private static final ScriptedS3.Answer STORED = ScriptedS3.answer(200, Map.of("ETag", "\"0cc175b9c0f1b6a831c399e269772661\""), null);

	@RegisterExtension
	final ScriptedS3 s3 = new ScriptedS3();

	@Test
	void one_503_slow_down_is_retried_and_the_put_succeeds() {
		s3.then(ScriptedS3.error(503, "SlowDown")).then(STORED);

		String etag = s3.storage().put("a.txt", new byte[] { 'a' }, PutOptions.defaults()).etag();

		assertThat(etag + " after " + s3.received().size()).isEqualTo("\"0cc175b9c0f1b6a831c399e269772661\" after 2");
	}

	@Test
	void a_503_on_every_attempt_is_throttled_with_503() {
		s3.then(ScriptedS3.error(503, "SlowDown")).then(ScriptedS3.error(503, "SlowDown")).then(ScriptedS3.error(503, "SlowDown"));

		assertThatThrownBy(() -> s3.storage().get("a.txt"))
			.isInstanceOfSatisfying(StorageException.Throttled.class, throttled -> assertThat(throttled.status()).isEqualTo(503));
	}

	@Test
	void a_key_with_spaces_plus_and_non_ascii_letters_goes_on_the_wire_percent_encoded() {
		s3.then(STORED);

		s3.storage().put("dir/a b+c é😀.txt", new byte[] { 1 }, PutOptions.defaults());

		assertThat(s3.received().get(0).uri().getRawPath()).isEqualTo("/b/dir/a%20b%2Bc%20%C3%A9%F0%9F%98%80.txt");
	}

	@Test
	void an_upload_signs_the_sha256_of_its_body_and_sends_no_checksum_or_chunking() {
		s3.then(STORED);
		byte[] body = "signed".getBytes(StandardCharsets.UTF_8);

		s3.storage().put("a.txt", body, PutOptions.defaults());

		Map<String, List<String>> headers = s3.received().get(0).headers();
		assertThat(headers.get("X-amz-content-sha256")).containsExactly(SigV4.sha256Hex(body));
		assertThat(headers.keySet()).noneMatch(name -> name.toLowerCase().startsWith("x-amz-checksum")
				|| name.equalsIgnoreCase("Content-Encoding") || name.equalsIgnoreCase("x-amz-decoded-content-length"));
	}

	@Test
	void a_put_as_it_arrives_carries_the_signature_the_aws_sdk_computes_for_it() {
		s3.then(STORED);
		byte[] body = "signed by both".getBytes(StandardCharsets.UTF_8);

		s3.storage().put("dir/a b+é.txt", body, PutOptions.contentType("text/plain").metadata("owner", "ada").ifNoneMatch());

		ScriptedS3.Received put = s3.received().get(0);
		String ours = put.headers().get("Authorization").get(0);
		assertThat(ours).isEqualTo(SdkSigner.authorization(put, body, ScriptedS3.ACCESS_KEY, ScriptedS3.SECRET_KEY));
	}

	@Test
	void user_metadata_and_the_condition_go_as_s3_headers() {
		s3.then(STORED);

		s3.storage().put("a.png", new byte[] { 1 }, PutOptions.contentType("image/png").metadata("source", "cam1").ifNoneMatch());

		Map<String, List<String>> headers = s3.received().get(0).headers();
		assertThat(List.of(headers.get("Content-type"), headers.get("X-amz-meta-source"), headers.get("If-none-match")))
			.containsExactly(List.of("image/png"), List.of("cam1"), List.of("*"));
	}

	private static final ScriptedS3.Answer INTERNAL_ERROR_INSIDE_200 = ScriptedS3.answer(200, Map.of(),
			"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>InternalError</Code>"
					+ "<Message>We encountered an internal error. Please try again.</Message></Error>");

	private static final ScriptedS3.Answer SOURCE_HEAD = ScriptedS3.answer(200, Map.of("ETag", "\"1\"", "Content-Length", "1"), null);

	@Test
	void a_copy_answered_200_with_an_internal_error_inside_is_sent_again() {
		s3.then(SOURCE_HEAD).then(INTERNAL_ERROR_INSIDE_200)
			.then(ScriptedS3.answer(200, Map.of(), "<CopyObjectResult><ETag>&quot;1&quot;</ETag></CopyObjectResult>"));

		assertThat(s3.storage().copy("a.txt", "b.txt").etag() + " after " + s3.received().size()).isEqualTo("\"1\" after 3");
	}

	@Test
	void a_copy_answered_200_with_an_error_inside_on_every_attempt_is_a_storage_failure() {
		s3.then(SOURCE_HEAD).then(INTERNAL_ERROR_INSIDE_200).then(INTERNAL_ERROR_INSIDE_200).then(INTERNAL_ERROR_INSIDE_200);

		assertThatThrownBy(() -> s3.storage().copy("a.txt", "b.txt"))
			.isInstanceOf(StorageException.Failed.class).hasMessageContaining("200 InternalError");
	}

	@Test
	void a_copy_answered_200_with_access_denied_inside_is_not_sent_again() {
		s3.then(SOURCE_HEAD).then(ScriptedS3.answer(200, Map.of(), "<Error><Code>AccessDenied</Code></Error>"));

		assertThatThrownBy(() -> s3.storage().copy("a.txt", "b.txt")).isInstanceOf(StorageException.AccessDenied.class);
		assertThat(s3.received()).hasSize(2);
	}

	@Test
	void a_copy_names_its_source_encoded_and_copies_only_the_version_measured() {
		s3.then(SOURCE_HEAD)
			.then(ScriptedS3.answer(200, Map.of(), "<CopyObjectResult><LastModified>2026-12-07T01:00:00.000Z</LastModified>"
					+ "<ETag>&quot;1&quot;</ETag></CopyObjectResult>"));

		String etag = s3.storage().copy("dir/a b.txt", "c.txt").etag();

		Map<String, List<String>> headers = s3.received().get(1).headers();
		assertThat(List.of(etag, headers.get("X-amz-copy-source").get(0), headers.get("X-amz-copy-source-if-match").get(0)))
			.containsExactly("\"1\"", "/b/dir/a%20b.txt", "\"1\"");
	}

	@Test
	void a_multipart_upload_whose_completion_fails_inside_a_200_is_aborted() {
		s3.then(ScriptedS3.answer(200, Map.of(), "<InitiateMultipartUploadResult><Bucket>b</Bucket><Key>big</Key>"
				+ "<UploadId>up/1+2</UploadId></InitiateMultipartUploadResult>"))
			.then(STORED).then(STORED)
			.then(INTERNAL_ERROR_INSIDE_200).then(INTERNAL_ERROR_INSIDE_200).then(INTERNAL_ERROR_INSIDE_200)
			.then(ScriptedS3.answer(204, Map.of(), null));
		byte[] content = new byte[S3ObjectStorage.DEFAULT_PART_SIZE + 1];

		assertThatThrownBy(() -> s3.storage().put("big", new ByteArrayInputStream(content), ObjectStorage.UNKNOWN_LENGTH,
				PutOptions.defaults())).isInstanceOf(StorageException.Failed.class);
		ScriptedS3.Received last = s3.received().get(s3.received().size() - 1);
		assertThat(last.method() + " " + last.uri().getRawQuery()).isEqualTo("DELETE uploadId=up%2F1%2B2");
	}

	@Test
	void a_multipart_upload_lists_its_parts_etags_in_order_in_the_completion() {
		s3.then(ScriptedS3.answer(200, Map.of(), "<InitiateMultipartUploadResult><UploadId>u1</UploadId></InitiateMultipartUploadResult>"))
			.then(ScriptedS3.answer(200, Map.of("ETag", "\"p1\""), null)).then(ScriptedS3.answer(200, Map.of("ETag", "\"p2\""), null))
			.then(ScriptedS3.answer(200, Map.of(), "<CompleteMultipartUploadResult><ETag>&quot;all-2&quot;</ETag></CompleteMultipartUploadResult>"));
		byte[] content = new byte[S3ObjectStorage.DEFAULT_PART_SIZE + 1];

		String etag = s3.storage().put("big", new ByteArrayInputStream(content), ObjectStorage.UNKNOWN_LENGTH, PutOptions.defaults()).etag();

		assertThat(etag + " " + new String(s3.received().get(3).body(), StandardCharsets.UTF_8)).isEqualTo("\"all-2\" "
				+ "<CompleteMultipartUpload><Part><PartNumber>1</PartNumber><ETag>\"p1\"</ETag></Part>"
				+ "<Part><PartNumber>2</PartNumber><ETag>\"p2\"</ETag></Part></CompleteMultipartUpload>");
	}

	@Test
	void a_listing_page_gives_the_next_pages_token_back_encoded_and_its_keys_unescaped() {
		s3.then(ScriptedS3.answer(200, Map.of(), "<ListBucketResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Name>b</Name>"
				+ "<KeyCount>1</KeyCount><MaxKeys>1</MaxKeys><IsTruncated>true</IsTruncated><NextContinuationToken>t/1+=</NextContinuationToken>"
				+ "<Contents><Key>a&amp;b.txt</Key><LastModified>2026-12-07T01:00:00.000Z</LastModified><ETag>&quot;e&quot;</ETag>"
				+ "<Size>3</Size><StorageClass>STANDARD</StorageClass></Contents></ListBucketResult>"))
			.then(ScriptedS3.answer(200, Map.of(), "<ListBucketResult><IsTruncated>false</IsTruncated></ListBucketResult>"));

		ObjectListing first = s3.storage().list("", 1, null);
		ObjectListing second = s3.storage().list("", 1, first.nextContinuationToken());

		ObjectSummary object = first.objects().get(0);
		assertThat(List.of(object.key(), object.etag(), object.size(), first.nextContinuationToken(), second.hasMore(),
				s3.received().get(1).uri().getRawQuery()))
			.containsExactly("a&b.txt", "\"e\"", 3L, "t/1+=", false, "list-type=2&max-keys=1&continuation-token=t%2F1%2B%3D");
	}

	@Test
	void s3s_own_error_text_is_in_neither_the_message_nor_its_cause() {
		s3.then(ScriptedS3.error(403, "AccessDenied"));

		assertThatThrownBy(() -> s3.storage().get("a.txt"))
			.isInstanceOf(StorageException.AccessDenied.class)
			.satisfies(denied -> assertThat(denied.getMessage() + " " + denied.getCause().getMessage()).doesNotContain("arn:aws"));
	}
}
