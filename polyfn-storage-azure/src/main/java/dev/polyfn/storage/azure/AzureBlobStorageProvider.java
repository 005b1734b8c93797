package dev.polyfn.storage.azure;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.azure.core.http.HttpClient;
import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;
import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.BlobServiceClientBuilder;

import dev.polyfn.core.storage.ObjectStorage;
import dev.polyfn.core.storage.ObjectStorageProvider;
import dev.polyfn.core.storage.StorageSettings;

/**
 * {@code provider=azure-blob}, and the default on Azure: the alias's bucket is a container. The account is the one
 * the Functions host itself uses, found as the host finds it ("Connections" in the Azure Functions app settings
 * reference, https://learn.microsoft.com/en-us/azure/azure-functions/functions-app-settings#azurewebjobsstorage,
 * read 2026-12-04):
 * <ul>
 * <li>{@code connection-string} of the alias (or {@code polyfn.storage.azure-blob.connection-string});</li>
 * <li>else {@code AzureWebJobsStorage}, a connection string ({@code UseDevelopmentStorage=true} is Azurite's);</li>
 * <li>else an identity-based connection, {@code AzureWebJobsStorage__blobServiceUri} (or
 * {@code AzureWebJobsStorage__accountName}), with the app's managed identity ({@link ManagedIdentityCredential};
 * {@code AzureWebJobsStorage__clientId} for a user-assigned one).</li>
 * </ul>
 * One client per account, made on the first alias that needs it.
 */
public final class AzureBlobStorageProvider implements ObjectStorageProvider, AutoCloseable {

	static final String HOST_STORAGE = "AzureWebJobsStorage";

	private final Map<String, BlobServiceClient> clients = new ConcurrentHashMap<>();

	@Override
	public String name() {
		return "azure-blob";
	}

	@Override
	public boolean isDefaultFor(String cloud) {
		return "azure".equals(cloud);
	}

	@Override
	public ObjectStorage open(StorageSettings settings) {
		String connection = settings.get("connection-string", settings.raw(HOST_STORAGE));
		BlobServiceClient service;
		if (connection != null) {
			service = clients.computeIfAbsent("connection:" + connection, key -> builder().connectionString(connection).buildClient());
		}
		else {
			String endpoint = blobServiceUri(settings);
			String clientId = settings.raw(HOST_STORAGE + "__clientId");
			service = clients.computeIfAbsent("identity:" + endpoint + ":" + clientId, key -> builder().endpoint(endpoint)
				.credential(ManagedIdentityCredential.fromEnvironment(settings.properties(), clientId)).buildClient());
		}
		return new AzureBlobObjectStorage(service.getBlobContainerClient(settings.bucket()), settings.alias());
	}

	private static BlobServiceClientBuilder builder() {
		HttpClient http = new JdkHttpClientBuilder().build();
		return new BlobServiceClientBuilder().httpClient(http);
	}

	private static String blobServiceUri(StorageSettings settings) {
		String uri = settings.raw(HOST_STORAGE + "__blobServiceUri");
		if (uri != null) {
			return uri;
		}
		String account = settings.raw(HOST_STORAGE + "__accountName");
		if (account != null) {
			return "https://" + account + ".blob.core.windows.net";
		}
		throw new IllegalStateException("No Blob Storage account for storage '" + settings.alias() + "': set "
				+ StorageSettings.PREFIX + settings.alias() + ".connection-string, or the app setting " + HOST_STORAGE
				+ " (a connection string, UseDevelopmentStorage=true for Azurite) or " + HOST_STORAGE
				+ "__accountName for the app's managed identity");
	}

	@Override
	public void close() {
		clients.clear();
	}
}
