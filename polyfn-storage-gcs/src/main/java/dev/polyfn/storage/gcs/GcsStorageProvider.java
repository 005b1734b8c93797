package dev.polyfn.storage.gcs;

import java.net.http.HttpClient;
import java.time.Duration;

import dev.polyfn.core.storage.ObjectStorage;
import dev.polyfn.core.storage.ObjectStorageProvider;
import dev.polyfn.core.storage.StorageSettings;
import dev.polyfn.google.auth.AccessTokens;
import dev.polyfn.google.auth.GoogleEndpoint;

/**
 * {@code provider=gcs}, and the default on Google Cloud. Requests go to {@code https://storage.googleapis.com}
 * with Application Default Credentials ({@link AccessTokens}: on Cloud Run the service's identity from the metadata
 * server); {@code STORAGE_EMULATOR_HOST}, the variable Google's client libraries honour, sends them to an emulator
 * unauthenticated, and the {@code endpoint} setting of the alias (or {@code polyfn.storage.gcs.endpoint}) anywhere
 * else. One HTTP client and one token source for the provider.
 */
public final class GcsStorageProvider implements ObjectStorageProvider {

	static final String PRODUCTION = "https://storage.googleapis.com";

	/** The scope of reading and writing objects ("OAuth 2.0 scopes", https://cloud.google.com/storage/docs/oauth-scopes, read 2026-12-04). */
	static final String SCOPE = "https://www.googleapis.com/auth/devstorage.read_write";

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
	private volatile AccessTokens tokens;

	@Override
	public String name() {
		return "gcs";
	}

	@Override
	public boolean isDefaultFor(String cloud) {
		return "gcp".equals(cloud);
	}

	@Override
	public ObjectStorage open(StorageSettings settings) {
		GoogleEndpoint endpoint = GoogleEndpoint.of(settings.get("endpoint"), settings.raw("STORAGE_EMULATOR_HOST"), PRODUCTION);
		return new GcsObjectStorage(http, endpoint.base(), endpoint.emulated() ? null : tokens(settings), settings.bucket(),
				settings.alias());
	}

	private AccessTokens tokens(StorageSettings settings) {
		AccessTokens made = tokens;
		if (made == null) {
			made = AccessTokens.find(settings.properties(), http, SCOPE);
			tokens = made;
		}
		return made;
	}
}
