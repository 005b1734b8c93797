package dev.polyfn.azure.credentials;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.function.UnaryOperator;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;

import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import dev.polyfn.core.events.JsonEvents;

/**
 * The app's managed identity as App Service and Azure Functions hand it to the code: a local token endpoint in
 * {@code IDENTITY_ENDPOINT}, guarded by {@code IDENTITY_HEADER} ("How to use managed identities for App Service and
 * Azure Functions", REST endpoint reference,
 * https://learn.microsoft.com/en-us/azure/app-service/overview-managed-identity#rest-endpoint-reference, read
 * 2026-12-04). A small client of that one endpoint instead of azure-identity, which brings MSAL and a second HTTP
 * stack for what is one GET here. The SDK caches the token and asks again before it expires.
 */
public final class ManagedIdentityCredential implements TokenCredential {

	static final String API_VERSION = "2019-08-01";

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String endpoint;
	private final String secret;
	private final String clientId;

	private ManagedIdentityCredential(String endpoint, String secret, String clientId) {
		this.endpoint = endpoint;
		this.secret = secret;
		this.clientId = clientId;
	}

	public static ManagedIdentityCredential fromEnvironment(UnaryOperator<String> environment, String clientId) {
		String endpoint = environment.apply("IDENTITY_ENDPOINT");
		String secret = environment.apply("IDENTITY_HEADER");
		if (endpoint == null || secret == null) {
			throw new IllegalStateException("No managed identity: IDENTITY_ENDPOINT and IDENTITY_HEADER are unset (turn on "
					+ "the function app's identity, or give the account a connection string)");
		}
		return new ManagedIdentityCredential(endpoint, secret, clientId);
	}

	@Override
	public Mono<AccessToken> getToken(TokenRequestContext request) {
		return Mono.fromCallable(() -> token(resource(request)));
	}

	/** The scope the SDK asks for ({@code https://storage.azure.com/.default}, blobs and queues alike) as the endpoint's resource. */
	private static String resource(TokenRequestContext request) {
		String scope = request.getScopes().isEmpty() ? "https://storage.azure.com/.default" : request.getScopes().get(0);
		return scope.endsWith("/.default") ? scope.substring(0, scope.length() - ".default".length()) : scope;
	}

	AccessToken token(String resource) throws IOException, InterruptedException {
		String uri = endpoint + "?resource=" + URLEncoder.encode(resource, StandardCharsets.UTF_8) + "&api-version=" + API_VERSION
				+ (clientId == null ? "" : "&client_id=" + URLEncoder.encode(clientId, StandardCharsets.UTF_8));
		HttpResponse<byte[]> response = HTTP.send(HttpRequest.newBuilder(URI.create(uri)).header("X-IDENTITY-HEADER", secret)
			.timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
		if (response.statusCode() != 200) {
			throw new IOException("The managed identity endpoint answered " + response.statusCode() + " for " + resource);
		}
		JsonNode token = JsonEvents.parse(response.body());
		String value = JsonEvents.text(token, "access_token");
		String expiresOn = JsonEvents.text(token, "expires_on");
		if (value == null || expiresOn == null) {
			throw new IOException("The managed identity endpoint answered without access_token and expires_on");
		}
		return new AccessToken(value, OffsetDateTime.ofInstant(Instant.ofEpochSecond(Long.parseLong(expiresOn.trim())), ZoneOffset.UTC));
	}
}
