package dev.polyfn.storage.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.azure.storage.blob.BlobServiceClientBuilder;

import dev.polyfn.core.storage.ObjectContent;
import dev.polyfn.core.storage.ObjectStorage;
import dev.polyfn.core.storage.PutOptions;
import dev.polyfn.core.storage.StorageException;
import dev.polyfn.core.storage.StorageSettings;
import dev.polyfn.core.testing.ObjectStorageContract;
import dev.polyfn.local.azure.AzuriteServer;

/** The storage contract against Azurite's blob service on loopback, with the account as the Functions host has it. */
class AzureBlobObjectStorageTest extends ObjectStorageContract {

	private static final String CONTAINER = "contract-container";

	private static AzuriteServer azurite;
	private static AzureBlobStorageProvider provider;
	private static ObjectStorage storage;

	@BeforeAll
	static void startAzurite() throws Exception {
		azurite = AzuriteServer.start(Path.of("target/azurite/contract.log"));
		new BlobServiceClientBuilder().connectionString(azurite.connectionString()).buildClient().createBlobContainer(CONTAINER);
		provider = new AzureBlobStorageProvider();
		storage = provider.open(settings("contract", CONTAINER, Map.of("AzureWebJobsStorage", azurite.connectionString())));
	}

	@AfterAll
	static void stop() {
		provider.close();
		azurite.close();
	}

	static StorageSettings settings(String alias, String container, Map<String, String> properties) {
		return new StorageSettings(alias, container, "azure-blob", properties::get);
	}

	@Override
	protected ObjectStorage storage() {
		return storage;
	}

	@Test
	void an_alias_connection_string_wins_over_the_hosts_account() {
		ObjectStorage own = provider.open(settings("own", CONTAINER, Map.of("AzureWebJobsStorage", "UseDevelopmentStorage=true",
				"polyfn.storage.own.connection-string", azurite.connectionString())));

		own.put("own/a.txt", "mine".getBytes(StandardCharsets.UTF_8), PutOptions.contentType("text/plain"));

		try (ObjectContent read = storage.get("own/a.txt")) {
			assertThat(new String(read.readAllBytes(10), StandardCharsets.UTF_8)).isEqualTo("mine");
		}
	}

	@Test
	void a_container_that_does_not_exist_is_a_deployment_fault_not_a_missing_object() {
		ObjectStorage missing = provider.open(settings("missing", "no-such-container",
				Map.of("AzureWebJobsStorage", azurite.connectionString())));

		assertThatThrownBy(() -> missing.get("a.txt")).isInstanceOfSatisfying(StorageException.Failed.class,
				e -> assertThat(e.getMessage()).isEqualTo("Storage 'missing' failed to read: its container does not exist"));
	}

	@Test
	void without_any_account_setting_the_message_names_the_settings() {
		assertThatThrownBy(() -> provider.open(settings("none", CONTAINER, Map.of())))
			.hasMessageContaining("set polyfn.storage.none.connection-string, or the app setting AzureWebJobsStorage");
	}
}
