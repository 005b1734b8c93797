package dev.polyfn.azure.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.polyfn.azure.credentials.HostStorageAccount.Service;

/** The account found in the order the Functions host looks for its own. */
class HostStorageAccountTest {

	private static HostStorageAccount resolve(String own, Map<String, String> settings, Service service) {
		return HostStorageAccount.resolve(own, settings::get, service, "messaging 'results'", "polyfn.messaging.results.connection-string");
	}

	@Test
	void the_aliases_own_connection_string_wins_over_azure_web_jobs_storage() {
		assertThat(resolve("AccountName=own", Map.of("AzureWebJobsStorage", "UseDevelopmentStorage=true"), Service.QUEUE))
			.isEqualTo(new HostStorageAccount("AccountName=own", null, null));
	}

	@Test
	void azure_web_jobs_storage_is_the_connection_string_when_the_alias_has_none() {
		assertThat(resolve(null, Map.of("AzureWebJobsStorage", "UseDevelopmentStorage=true",
				"AzureWebJobsStorage__accountName", "ignored"), Service.QUEUE).connectionString()).isEqualTo("UseDevelopmentStorage=true");
	}

	@Test
	void an_identity_based_connection_takes_the_service_uri_of_the_service_asked_for() {
		Map<String, String> settings = Map.of("AzureWebJobsStorage__blobServiceUri", "https://acct.blob.core.windows.net",
				"AzureWebJobsStorage__queueServiceUri", "https://acct.queue.core.windows.net", "AzureWebJobsStorage__clientId", "c-1");

		assertThat(resolve(null, settings, Service.QUEUE)).isEqualTo(new HostStorageAccount(null, "https://acct.queue.core.windows.net", "c-1"));
		assertThat(resolve(null, settings, Service.BLOB).endpoint()).isEqualTo("https://acct.blob.core.windows.net");
	}

	@Test
	void the_account_name_alone_gives_the_services_public_endpoint() {
		HostStorageAccount account = resolve(null, Map.of("AzureWebJobsStorage__accountName", "acct"), Service.QUEUE);

		assertThat(account.identityBased()).isTrue();
		assertThat(account.endpoint()).isEqualTo("https://acct.queue.core.windows.net");
		assertThat(account.clientId()).isNull();
	}

	@Test
	void the_string_form_never_shows_the_connection_string() {
		assertThat(resolve("AccountName=a;AccountKey=secret", Map.of(), Service.BLOB).toString()).doesNotContain("secret");
	}

	@Test
	void without_any_setting_the_message_names_every_way_to_give_one() {
		assertThatThrownBy(() -> resolve(null, Map.of(), Service.QUEUE)).hasMessage("No Queue Storage account for messaging 'results': "
				+ "set polyfn.messaging.results.connection-string, or the app setting AzureWebJobsStorage (a connection string, "
				+ "UseDevelopmentStorage=true for Azurite) or AzureWebJobsStorage__accountName for the app's managed identity");
	}
}
