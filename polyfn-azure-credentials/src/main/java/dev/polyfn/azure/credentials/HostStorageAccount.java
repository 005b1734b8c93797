package dev.polyfn.azure.credentials;

import java.util.Locale;
import java.util.function.UnaryOperator;

import com.azure.core.credential.TokenCredential;

/**
 * The storage account a polyfn module talks to on Azure, found as the Functions host finds its own
 * ("Connecting to host storage with an identity" and "Common properties for identity-based connections",
 * https://learn.microsoft.com/en-us/azure/azure-functions/functions-reference#connecting-to-host-storage-with-an-identity,
 * and the {@code AzureWebJobsStorage} app setting,
 * https://learn.microsoft.com/en-us/azure/azure-functions/functions-app-settings#azurewebjobsstorage, read 2026-12-06):
 * <ol>
 * <li>the module's own connection string for the alias, when it sets one;</li>
 * <li>else {@code AzureWebJobsStorage}, a connection string ({@code UseDevelopmentStorage=true} is Azurite's; the
 * SDK's connection-string parser knows it);</li>
 * <li>else an identity-based connection: {@code AzureWebJobsStorage__blobServiceUri} /
 * {@code __queueServiceUri} (or {@code AzureWebJobsStorage__accountName}, from which the host derives
 * {@code https://<account>.<service>.core.windows.net}), with the app's managed identity
 * ({@link ManagedIdentityCredential}; {@code AzureWebJobsStorage__clientId} for a user-assigned one).</li>
 * </ol>
 * Exactly one of {@link #connectionString()} and {@link #endpoint()} is set.
 */
public record HostStorageAccount(String connectionString, String endpoint, String clientId) {

	public static final String HOST_STORAGE = "AzureWebJobsStorage";

	/** A Storage service, by the word its service URI setting and its host name use. */
	public enum Service {
		BLOB("Blob Storage"), QUEUE("Queue Storage");

		private final String label;

		Service(String label) {
			this.label = label;
		}

		String word() {
			return name().toLowerCase(Locale.ROOT);
		}

		/** {@code AzureWebJobsStorage__blobServiceUri}, {@code AzureWebJobsStorage__queueServiceUri}. */
		public String serviceUriSetting() {
			return HOST_STORAGE + "__" + word() + "ServiceUri";
		}
	}

	/**
	 * @param own the alias's own connection string, or null
	 * @param raw the runtime's variables by name (null or blank when unset)
	 * @param service the service the caller needs
	 * @param what what needs the account, for the message when none is configured ({@code storage 'uploads'})
	 * @param ownSetting the setting that would have given {@code own} ({@code polyfn.storage.uploads.connection-string})
	 */
	public static HostStorageAccount resolve(String own, UnaryOperator<String> raw, Service service, String what, String ownSetting) {
		String connection = own != null ? own : present(raw.apply(HOST_STORAGE));
		if (connection != null) {
			return new HostStorageAccount(connection, null, null);
		}
		String uri = present(raw.apply(service.serviceUriSetting()));
		if (uri == null) {
			String account = present(raw.apply(HOST_STORAGE + "__accountName"));
			if (account != null) {
				uri = "https://" + account + "." + service.word() + ".core.windows.net";
			}
		}
		if (uri == null) {
			throw new IllegalStateException("No " + service.label + " account for " + what + ": set " + ownSetting
					+ ", or the app setting " + HOST_STORAGE + " (a connection string, UseDevelopmentStorage=true for Azurite) or "
					+ HOST_STORAGE + "__accountName for the app's managed identity");
		}
		return new HostStorageAccount(null, uri, present(raw.apply(HOST_STORAGE + "__clientId")));
	}

	public boolean identityBased() {
		return endpoint != null;
	}

	/** The app's managed identity, for an identity-based account; {@code environment} has IDENTITY_ENDPOINT and IDENTITY_HEADER. */
	public TokenCredential credential(UnaryOperator<String> environment) {
		return ManagedIdentityCredential.fromEnvironment(environment, clientId);
	}

	/** One client per account and identity: what a module keys its clients by (it holds the secret: never log it). */
	public String clientKey() {
		return connectionString != null ? "connection:" + connectionString : "identity:" + endpoint + ":" + clientId;
	}

	@Override
	public String toString() {
		// The connection string holds the account key.
		return identityBased() ? "HostStorageAccount[" + endpoint + ", managed identity]" : "HostStorageAccount[connection string]";
	}

	private static String present(String value) {
		return value == null || value.isBlank() ? null : value.trim();
	}
}
