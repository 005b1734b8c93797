package dev.polyfn.storage.azure;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.azure.core.http.HttpClient;
import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;
import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.BlobServiceClientBuilder;

import dev.polyfn.azure.credentials.HostStorageAccount;
import dev.polyfn.core.storage.ObjectStorage;
import dev.polyfn.core.storage.ObjectStorageProvider;
import dev.polyfn.core.storage.StorageSettings;

/**
 * {@code provider=azure-blob}, and the default on Azure: the alias's bucket is a container. The account is the one
 * the Functions host itself uses, found as the host finds it ({@link HostStorageAccount}, shared with
 * polyfn-messaging-azure): the alias's {@code connection-string} (or {@code polyfn.storage.azure-blob.connection-string}),
 * else {@code AzureWebJobsStorage}, else {@code AzureWebJobsStorage__blobServiceUri} or {@code __accountName} with
 * the app's managed identity. One client per account, made on the first alias that needs it.
 */
public final class AzureBlobStorageProvider implements ObjectStorageProvider, AutoCloseable {

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
		HostStorageAccount account = HostStorageAccount.resolve(settings.get("connection-string"), settings::raw,
				HostStorageAccount.Service.BLOB, "storage '" + settings.alias() + "'",
				StorageSettings.PREFIX + settings.alias() + ".connection-string");
		BlobServiceClient service = clients.computeIfAbsent(account.clientKey(), key -> account.identityBased()
				? builder().endpoint(account.endpoint()).credential(account.credential(settings.properties())).buildClient()
				: builder().connectionString(account.connectionString()).buildClient());
		return new AzureBlobObjectStorage(service.getBlobContainerClient(settings.bucket()), settings.alias());
	}

	private static BlobServiceClientBuilder builder() {
		HttpClient http = new JdkHttpClientBuilder().build();
		return new BlobServiceClientBuilder().httpClient(http);
	}

	@Override
	public void close() {
		clients.clear();
	}
}
