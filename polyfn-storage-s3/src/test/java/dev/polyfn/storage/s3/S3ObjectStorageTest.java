package dev.polyfn.storage.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.polyfn.core.storage.ObjectContent;
import dev.polyfn.core.storage.ObjectStorage;
import dev.polyfn.core.storage.PutOptions;
import dev.polyfn.core.storage.PutResult;
import dev.polyfn.core.storage.StorageException;
import dev.polyfn.core.testing.ObjectStorageContract;
import dev.polyfn.storage.s3.testing.S3ProxyServer;

/** The storage contract against a real S3 API server on loopback, and what only S3 has (parts, endpoints, keys). */
class S3ObjectStorageTest extends ObjectStorageContract {

	private static final String BUCKET = "contract-bucket";

	private static S3StorageProvider provider;
	private static ObjectStorage storage;

	@BeforeAll
	static void openBucket() {
		S3Fixture.server().createBucket(BUCKET);
		provider = new S3StorageProvider();
		storage = provider.open(S3Fixture.settings("contract", BUCKET, Map.of()));
	}

	@AfterAll
	static void closeClients() {
		provider.close();
	}

	@Override
	protected ObjectStorage storage() {
		return storage;
	}

	@Test
	void a_stream_longer_than_one_part_is_uploaded_in_parts_and_reads_back_whole() {
		ObjectStorage smallParts = provider.open(S3Fixture.settings("parts", BUCKET, Map.of("polyfn.storage.parts.part-size", "5MB")));
		byte[] content = new byte[11 * 1024 * 1024];
		new Random(3).nextBytes(content);

		PutResult put = smallParts.put("parts/big.bin", new ByteArrayInputStream(content), ObjectStorage.UNKNOWN_LENGTH,
				PutOptions.defaults());

		// A multipart upload's etag ends with its number of parts (S3 User Guide, "Checking object integrity").
		assertThat(put.etag()).endsWith("-3\"");
		try (ObjectContent read = smallParts.get("parts/big.bin")) {
			assertThat(read.readAllBytes(content.length)).isEqualTo(content);
		}
	}

	@Test
	void what_this_client_writes_the_aws_sdk_reads_back_with_its_type_and_metadata() {
		storage.put("oracle/written.txt", "by polyfn".getBytes(StandardCharsets.UTF_8),
				PutOptions.contentType("text/plain").metadata("source", "polyfn"));

		try (software.amazon.awssdk.services.s3.S3Client sdk = S3Fixture.server().client()) {
			var read = sdk.getObjectAsBytes(r -> r.bucket(BUCKET).key("oracle/written.txt"));
			assertThat(List.of(read.asUtf8String(), read.response().contentType(), read.response().metadata()))
				.containsExactly("by polyfn", "text/plain", Map.of("source", "polyfn"));
		}
	}

	@Test
	void what_the_aws_sdk_writes_this_client_reads_with_its_type_and_metadata() {
		try (software.amazon.awssdk.services.s3.S3Client sdk = S3Fixture.server().client()) {
			sdk.putObject(r -> r.bucket(BUCKET).key("oracle/a b+é.txt").contentType("text/csv").metadata(Map.of("rows", "2")),
					software.amazon.awssdk.core.sync.RequestBody.fromString("a,b"));
		}

		try (ObjectContent read = storage.get("oracle/a b+é.txt")) {
			assertThat(List.of(new String(read.readAllBytes(10), StandardCharsets.UTF_8), read.metadata().contentType(),
					read.metadata().userMetadata())).containsExactly("a,b", "text/csv", Map.of("rows", "2"));
		}
	}

	@Test
	void a_create_only_upload_in_parts_over_an_existing_object_fails_as_a_conflict() {
		ObjectStorage smallParts = provider.open(S3Fixture.settings("parts", BUCKET, Map.of("polyfn.storage.parts.part-size", "5MB")));
		smallParts.put("parts/once.bin", new byte[] { 1 }, PutOptions.defaults());
		byte[] content = new byte[6 * 1024 * 1024];

		assertThatThrownBy(() -> smallParts.put("parts/once.bin", new ByteArrayInputStream(content), content.length,
				PutOptions.defaults().ifNoneMatch()))
			.isInstanceOf(StorageException.PreconditionFailed.class);
	}

	@Test
	void the_aws_endpoint_variable_points_the_client_at_the_server_without_a_polyfn_setting() {
		// AWS_ENDPOINT_URL_S3 (AWS SDKs and Tools Reference Guide, "Service-specific endpoints", read 2026-12-07),
		// read through the application's settings as an environment variable is; an IP address endpoint is served
		// path style without a setting, as the SDKs' S3 endpoint rules do.
		try (S3StorageProvider fresh = new S3StorageProvider()) {
			ObjectStorage viaVariable = fresh.open(new dev.polyfn.core.storage.StorageSettings("sdk", BUCKET, "s3",
					name -> switch (name) {
						case "AWS_ENDPOINT_URL_S3" -> S3Fixture.server().endpoint();
						case "AWS_REGION" -> "us-east-1";
						default -> System.getProperty(name);
					}));
			viaVariable.put("sdk/endpoint.txt", "found".getBytes(StandardCharsets.UTF_8), PutOptions.defaults());

			assertThat(storage.exists("sdk/endpoint.txt")).isTrue();
		}
	}

	@Test
	void the_checksums_setting_of_the_sdk_days_is_still_accepted_and_uploads_work() {
		ObjectStorage plain = provider.open(S3Fixture.settings("plain", BUCKET, Map.of("polyfn.storage.plain.checksums", "when-required")));

		plain.put("plain/a.txt", "no crc".getBytes(StandardCharsets.UTF_8), PutOptions.contentType("text/plain"));

		assertThat(storage.head("plain/a.txt").size()).isEqualTo(6);
	}

	@Test
	void a_bucket_that_does_not_exist_is_a_storage_failure_not_a_missing_object() {
		ObjectStorage missingBucket = provider.open(S3Fixture.settings("gone", "no-such-bucket", Map.of()));

		assertThatThrownBy(() -> missingBucket.get("a.txt"))
			.isInstanceOfSatisfying(StorageException.Failed.class, failed -> assertThat(failed.status()).isEqualTo(500))
			.hasMessage("Storage 'gone' failed to read: its bucket does not exist");
	}

	@Test
	void credentials_the_server_does_not_accept_are_access_denied() throws Exception {
		try (S3ProxyServer other = S3ProxyServer.start("other-access", "other-secret")) {
			other.createBucket(BUCKET);
			dev.polyfn.core.storage.StorageSettings otherServer = new StorageSettingsBuilder("denied").endpoint(other.endpoint()).build(BUCKET);

			assertThatThrownBy(() -> provider.open(otherServer).get("a.txt"))
				.isInstanceOf(StorageException.AccessDenied.class);
		}
	}

	@Test
	void an_unknown_checksums_setting_fails_naming_the_choices() {
		assertThatThrownBy(() -> provider.open(S3Fixture.settings("odd", BUCKET, Map.of("polyfn.storage.odd.checksums", "never"))))
			.hasMessageContaining("when-supported or when-required");
	}

	@Test
	void a_part_size_below_s3s_minimum_is_refused() {
		assertThatThrownBy(() -> provider.open(S3Fixture.settings("tiny", BUCKET, Map.of("polyfn.storage.tiny.part-size", "1MB"))))
			.hasMessageContaining("5MB");
	}

	/** Settings for another server than the shared one. */
	private record StorageSettingsBuilder(String alias, String endpoint) {

		StorageSettingsBuilder(String alias) {
			this(alias, null);
		}

		StorageSettingsBuilder endpoint(String url) {
			return new StorageSettingsBuilder(alias, url);
		}

		dev.polyfn.core.storage.StorageSettings build(String bucket) {
			Map<String, String> properties = Map.of(
					"polyfn.storage." + alias + ".endpoint", endpoint,
					"polyfn.storage." + alias + ".path-style", "true",
					"polyfn.storage." + alias + ".region", "us-east-1");
			return new dev.polyfn.core.storage.StorageSettings(alias, bucket, "s3",
					name -> properties.getOrDefault(name, System.getProperty(name)));
		}
	}
}
