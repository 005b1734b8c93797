package dev.polyfn.storage.gcs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.polyfn.core.storage.ObjectStorage;
import dev.polyfn.core.storage.PutOptions;
import dev.polyfn.core.storage.StorageException;
import dev.polyfn.core.storage.StorageSettings;
import dev.polyfn.core.testing.ObjectStorageContract;
import dev.polyfn.local.gcs.JsonApiTestServer;

/** The storage contract through the JSON API, against the test server reached as an emulator is. */
class GcsObjectStorageTest extends ObjectStorageContract {

	private static final String BUCKET = "contract-bucket";

	private static JsonApiTestServer server;
	private static ObjectStorage storage;

	@BeforeAll
	static void start() throws Exception {
		server = JsonApiTestServer.start();
		server.createBucket(BUCKET);
		storage = new GcsStorageProvider().open(settings(BUCKET, Map.of("STORAGE_EMULATOR_HOST", server.host())));
	}

	@AfterAll
	static void stop() {
		server.close();
	}

	private static StorageSettings settings(String bucket, Map<String, String> properties) {
		return new StorageSettings("contract", bucket, "gcs", properties::get);
	}

	@Override
	protected ObjectStorage storage() {
		return storage;
	}

	@Test
	void object_names_travel_as_one_path_segment() {
		storage.put("a/b c.txt", "x".getBytes(StandardCharsets.UTF_8), PutOptions.contentType("text/plain"));
		storage.head("a/b c.txt");

		assertThat(server.requests()).contains("GET /storage/v1/b/contract-bucket/o/a%2Fb%20c.txt");
	}

	@Test
	void a_bucket_that_does_not_exist_is_a_deployment_fault() {
		ObjectStorage missing = new GcsStorageProvider().open(settings("no-such-bucket", Map.of("STORAGE_EMULATOR_HOST", server.host())));

		assertThatThrownBy(() -> missing.get("a.txt")).isInstanceOfSatisfying(StorageException.Failed.class,
				e -> assertThat(e.getMessage()).isEqualTo("Storage 'contract' failed to read: its bucket does not exist"));
	}
}
