package dev.polyfn.core.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

class StorageBucketsTest {

	@TempDir
	Path root;

	private final Map<String, String> properties = new HashMap<>();

	/** A provider that answers a storage naming itself, to see which one was chosen and with what. */
	private record NamedProvider(String name, String cloud) implements ObjectStorageProvider {

		@Override
		public boolean isDefaultFor(String of) {
			return cloud.equals(of);
		}

		@Override
		public ObjectStorage open(StorageSettings settings) {
			return new LocalFileStorage(Path.of("/nonexistent", name), settings.bucket(), settings.alias());
		}
	}

	private StorageBuckets buckets(String cloud, ObjectStorageProvider... providers) {
		properties.putIfAbsent("polyfn.storage.local.root", root.toString());
		return new StorageBuckets(properties::get, cloud, () -> List.of(providers));
	}

	private static String providerOf(ObjectStorage storage) {
		return ((LocalFileStorage) storage).folder().getParent().getFileName().toString();
	}

	@Test
	void an_alias_is_bound_to_the_bucket_its_setting_names() {
		properties.put("polyfn.storage.uploads.bucket", "my-bucket-123");

		assertThat(buckets("web").bucket("uploads").bucket()).isEqualTo("my-bucket-123");
	}

	@Test
	void web_mode_stores_in_the_local_folder_when_the_alias_names_no_provider() {
		properties.put("polyfn.storage.uploads.bucket", "b");

		assertThat(((LocalFileStorage) buckets("web", new NamedProvider("s3", "aws")).bucket("uploads")).folder())
			.isEqualTo(root.toAbsolutePath().resolve("b"));
	}

	@Test
	void on_a_cloud_the_provider_that_serves_it_is_chosen() {
		properties.put("polyfn.storage.uploads.bucket", "b");

		ObjectStorage storage = buckets("aws", new NamedProvider("azure", "azure"), new NamedProvider("s3", "aws")).bucket("uploads");

		assertThat(providerOf(storage)).isEqualTo("s3");
	}

	@Test
	void the_alias_may_name_its_provider() {
		properties.put("polyfn.storage.uploads.bucket", "b");
		properties.put("polyfn.storage.uploads.provider", "s3");

		assertThat(providerOf(buckets("web", new NamedProvider("s3", "aws")).bucket("uploads"))).isEqualTo("s3");
	}

	@Test
	void the_alias_may_name_the_local_provider_on_a_cloud() {
		properties.put("polyfn.storage.uploads.bucket", "b");
		properties.put("polyfn.storage.uploads.provider", "local");

		assertThat(buckets("aws", new NamedProvider("s3", "aws")).bucket("uploads")).isInstanceOf(LocalFileStorage.class);
	}

	@Test
	void an_alias_is_opened_once() {
		properties.put("polyfn.storage.uploads.bucket", "b");
		StorageBuckets buckets = buckets("web");

		assertThat(buckets.bucket("uploads")).isSameAs(buckets.bucket("uploads"));
	}

	@Test
	void an_alias_without_a_bucket_fails_naming_the_setting_and_the_environment_variable() {
		assertThatThrownBy(() -> buckets("web").bucket("thumb-store"))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("polyfn.storage.thumb-store.bucket")
			.hasMessageContaining("POLYFN_STORAGE_THUMB_STORE_BUCKET");
	}

	@Test
	void the_bucket_may_come_from_the_environment_variable() {
		StandardEnvironment env = new StandardEnvironment();
		env.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
				new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
						Map.of("POLYFN_STORAGE_THUMB_STORE_BUCKET", "from-env", "POLYFN_STORAGE_LOCAL_ROOT", root.toString())));

		assertThat(new StorageBuckets(env::getProperty, "web", List::of).bucket("thumb-store").bucket()).isEqualTo("from-env");
	}

	@Test
	void a_cloud_without_a_provider_fails_rather_than_write_to_the_instance_disk() {
		properties.put("polyfn.storage.uploads.bucket", "b");

		assertThatThrownBy(() -> buckets("aws").bucket("uploads"))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("No storage provider for aws");
	}

	@Test
	void a_provider_the_application_lacks_fails_naming_those_it_has() {
		properties.put("polyfn.storage.uploads.bucket", "b");
		properties.put("polyfn.storage.uploads.provider", "gcs");

		assertThatThrownBy(() -> buckets("web", new NamedProvider("s3", "aws")).bucket("uploads"))
			.hasMessageContaining("'gcs'")
			.hasMessageContaining("[s3]");
	}

	@Test
	void two_providers_for_one_cloud_fail_asking_to_choose() {
		properties.put("polyfn.storage.uploads.bucket", "b");

		assertThatThrownBy(() -> buckets("aws", new NamedProvider("s3", "aws"), new NamedProvider("minio", "aws")).bucket("uploads"))
			.hasMessageContaining("polyfn.storage.uploads.provider");
	}

	@Test
	void an_alias_that_cannot_be_a_property_name_is_refused() {
		assertThatThrownBy(() -> buckets("web").bucket("Up.loads")).isInstanceOf(IllegalArgumentException.class);
	}
}
