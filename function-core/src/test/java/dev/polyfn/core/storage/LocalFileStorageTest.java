package dev.polyfn.core.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.polyfn.core.testing.ObjectStorageContract;

class LocalFileStorageTest extends ObjectStorageContract {

	@TempDir
	Path root;

	private LocalFileStorage storage;

	@Override
	protected ObjectStorage storage() {
		if (storage == null) {
			storage = new LocalFileStorage(root, "test-bucket");
		}
		return storage;
	}

	private LocalFileStorage local() {
		return (LocalFileStorage) storage();
	}

	@Test
	void an_object_is_the_file_of_its_key_under_the_bucket_folder() throws IOException {
		storage().put("uploads/cat.txt", "meow".getBytes(StandardCharsets.UTF_8), PutOptions.defaults());

		assertThat(Files.readString(root.resolve("test-bucket/uploads/cat.txt"))).isEqualTo("meow");
	}

	@Test
	void a_file_put_in_the_folder_by_hand_is_an_object_typed_by_its_name() throws IOException {
		Files.createDirectories(root.resolve("test-bucket/uploads"));
		Files.write(root.resolve("test-bucket/uploads/cat.png"), new byte[] { 1, 2 });

		assertThat(storage().head("uploads/cat.png")).extracting(ObjectMetadata::size, ObjectMetadata::contentType)
			.containsExactly(2L, "image/png");
	}

	@Test
	void a_file_replaced_by_hand_no_longer_has_the_recorded_etag_or_metadata() throws IOException {
		String recorded = storage().put("a.txt", "one".getBytes(StandardCharsets.UTF_8),
				PutOptions.contentType("text/plain").metadata("owner", "ada")).etag();
		Path file = root.resolve("test-bucket/a.txt");
		Files.writeString(file, "changed by hand");
		Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2030-01-01T00:00:00Z")));

		ObjectMetadata head = storage().head("a.txt");

		assertThat(head.etag().equals(recorded) || !head.userMetadata().isEmpty()).isFalse();
	}

	@Test
	void the_metadata_and_staging_folders_are_never_listed() {
		storage().put("a.txt", new byte[] { 1 }, PutOptions.contentType("text/plain").metadata("owner", "ada"));

		assertThat(storage().listAll("").map(ObjectSummary::key)).containsExactly("a.txt");
	}

	@Test
	void deleting_the_last_object_of_a_folder_removes_the_folder() {
		storage().put("deep/er/a.txt", new byte[] { 1 }, PutOptions.defaults());

		storage().delete("deep/er/a.txt");

		assertThat(root.resolve("test-bucket/deep")).doesNotExist();
	}

	@Test
	void an_object_under_the_name_of_another_objects_folder_fails_as_a_storage_failure() {
		storage().put("a/b", new byte[] { 1 }, PutOptions.defaults());

		assertThatThrownBy(() -> storage().put("a", new byte[] { 2 }, PutOptions.defaults()))
			.isInstanceOf(StorageException.Failed.class);
	}

	@Test
	void a_folder_is_no_object() {
		storage().put("a/b", new byte[] { 1 }, PutOptions.defaults());

		assertThat(storage().exists("a")).isFalse();
	}

	@Test
	void a_bucket_name_that_is_not_one_folder_name_is_refused() {
		assertThatThrownBy(() -> new LocalFileStorage(root, "../elsewhere")).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void the_folder_is_the_bucket_under_the_root() {
		assertThat(local().folder()).isEqualTo(root.toAbsolutePath().resolve("test-bucket"));
	}

	@Nested
	class Provider {

		@Test
		void the_local_provider_roots_every_alias_at_polyfn_storage_local_root() {
			StorageSettings settings = new StorageSettings("uploads", "my-bucket", "local",
					name -> name.equals("polyfn.storage.local.root") ? root.toString() : null);

			LocalFileStorage opened = (LocalFileStorage) LocalFileStorage.PROVIDER.open(settings);

			assertThat(opened.folder()).isEqualTo(root.toAbsolutePath().resolve("my-bucket"));
		}

		@Test
		void an_alias_may_set_its_own_root() {
			Path own = root.resolve("own");
			StorageSettings settings = new StorageSettings("uploads", "my-bucket", "local",
					name -> switch (name) {
						case "polyfn.storage.uploads.root" -> own.toString();
						case "polyfn.storage.local.root" -> root.toString();
						default -> null;
					});

			assertThat(((LocalFileStorage) LocalFileStorage.PROVIDER.open(settings)).folder()).isEqualTo(own.resolve("my-bucket"));
		}

		@Test
		void messages_name_the_alias_not_the_bucket() {
			StorageSettings settings = new StorageSettings("uploads", "secret-bucket-123", "local",
					name -> name.equals("polyfn.storage.local.root") ? root.toString() : null);

			assertThatThrownBy(() -> LocalFileStorage.PROVIDER.open(settings).get("missing.png"))
				.hasMessage("No object 'missing.png' in storage 'uploads'");
		}
	}
}
