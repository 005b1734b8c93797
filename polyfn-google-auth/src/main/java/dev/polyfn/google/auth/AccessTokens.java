package dev.polyfn.google.auth;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.function.UnaryOperator;

import tools.jackson.databind.JsonNode;

import dev.polyfn.core.events.JsonEvents;

/**
 * OAuth access tokens for Google's JSON APIs (Cloud Storage, Pub/Sub, ...), found the way Google's Application Default Credentials find them ("How
 * Application Default Credentials works", https://cloud.google.com/docs/authentication/application-default-credentials,
 * read 2026-12-04): the key file {@code GOOGLE_APPLICATION_CREDENTIALS} names (a service account key or a user's
 * {@code gcloud auth application-default login} credentials), else the metadata server of the Cloud Run instance the
 * function runs on. Each token is kept until a minute before it expires. A service account's token is asked for the
 * scope its caller names (each API's reference lists the scopes it takes); the metadata server's carries the scopes of
 * the instance, which on Cloud Run is {@code cloud-platform}.
 */
public abstract class AccessTokens {

	static final String METADATA_TOKEN = "/computeMetadata/v1/instance/service-accounts/default/token";

	private static final Duration EARLY = Duration.ofMinutes(1);

	private final HttpClient http;
	private String token;
	private Instant expires = Instant.EPOCH;

	AccessTokens(HttpClient http) {
		this.http = http;
	}

	/**
	 * The credentials ADC would use in this environment.
	 *
	 * @param environment the runtime's variables by name (null when unset)
	 * @param scope the OAuth scope a service account key's token is asked for
	 */
	public static AccessTokens find(UnaryOperator<String> environment, HttpClient http, String scope) {
		String keyFile = environment.apply("GOOGLE_APPLICATION_CREDENTIALS");
		if (keyFile == null || keyFile.isBlank()) {
			return new MetadataServer(http, MetadataHost.of(environment));
		}
		JsonNode key;
		try {
			key = JsonEvents.parse(Files.readAllBytes(Path.of(keyFile.trim())));
		}
		catch (IOException | RuntimeException unreadable) {
			throw new IllegalStateException("GOOGLE_APPLICATION_CREDENTIALS names " + keyFile + ", which is no readable key file");
		}
		String type = JsonEvents.text(key, "type");
		return switch (type == null ? "" : type) {
			case "service_account" -> new ServiceAccount(http, key, scope);
			case "authorized_user" -> new AuthorizedUser(http, key);
			default -> throw new IllegalStateException("GOOGLE_APPLICATION_CREDENTIALS: a key file of type '" + type
					+ "' is not one polyfn reads (service_account, authorized_user)");
		};
	}

	/** A token valid for at least another minute; null when requests go unauthenticated (an emulator). */
	public synchronized String token() throws IOException, InterruptedException {
		if (token == null || Instant.now().isAfter(expires.minus(EARLY))) {
			JsonNode answer = fetch();
			token = JsonEvents.text(answer, "access_token");
			Long seconds = JsonEvents.longValue(answer, "expires_in");
			if (token == null || seconds == null) {
				throw new IOException("The token endpoint answered without access_token and expires_in");
			}
			expires = Instant.now().plusSeconds(seconds);
		}
		return token;
	}

	/** Adds {@code Authorization: Bearer <token>} to the request, when these credentials give a token. */
	public static java.net.http.HttpRequest.Builder authorize(AccessTokens tokens, java.net.http.HttpRequest.Builder request)
			throws IOException, InterruptedException {
		String token = tokens == null ? null : tokens.token();
		return token == null ? request : request.header("Authorization", "Bearer " + token);
	}

	abstract JsonNode fetch() throws IOException, InterruptedException;

	JsonNode send(HttpRequest request) throws IOException, InterruptedException {
		HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
		if (response.statusCode() != 200) {
			throw new IOException("The token endpoint " + request.uri().getHost() + " answered " + response.statusCode());
		}
		return JsonEvents.parse(response.body());
	}

	static HttpRequest form(String uri, String body) {
		return HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(10))
			.header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)).build();
	}

	static String encoded(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	/** Cloud Run's (and every Google runtime's) metadata server: the service's own identity. */
	static final class MetadataServer extends AccessTokens {

		private final String host;

		MetadataServer(HttpClient http, String host) {
			super(http);
			this.host = host;
		}

		@Override
		JsonNode fetch() throws IOException, InterruptedException {
			return send(HttpRequest.newBuilder(URI.create("http://" + host + METADATA_TOKEN)).timeout(Duration.ofSeconds(5))
				.header("Metadata-Flavor", "Google").GET().build());
		}
	}

	/** A service account key: a JWT it signs (RS256) exchanged for a token (OAuth 2.0 for server to server). */
	static final class ServiceAccount extends AccessTokens {

		private final String email;
		private final String tokenUri;
		private final PrivateKey key;
		private final String scope;

		ServiceAccount(HttpClient http, JsonNode json, String scope) {
			super(http);
			this.scope = scope;
			this.email = JsonEvents.text(json, "client_email");
			String uri = JsonEvents.text(json, "token_uri");
			this.tokenUri = uri == null ? "https://oauth2.googleapis.com/token" : uri;
			this.key = privateKey(JsonEvents.text(json, "private_key"));
		}

		@Override
		JsonNode fetch() throws IOException, InterruptedException {
			long now = Instant.now().getEpochSecond();
			String header = base64Url("{\"alg\":\"RS256\",\"typ\":\"JWT\"}");
			String claims = base64Url(JsonEvents.object().put("iss", email).put("scope", scope).put("aud", tokenUri)
				.put("iat", now).put("exp", now + 3600).toString());
			String jwt = header + "." + claims + "." + sign(header + "." + claims);
			return send(form(tokenUri, "grant_type=" + encoded("urn:ietf:params:oauth:grant-type:jwt-bearer") + "&assertion=" + jwt));
		}

		private String sign(String content) throws IOException {
			try {
				Signature rsa = Signature.getInstance("SHA256withRSA");
				rsa.initSign(key);
				rsa.update(content.getBytes(StandardCharsets.US_ASCII));
				return Base64.getUrlEncoder().withoutPadding().encodeToString(rsa.sign());
			}
			catch (java.security.GeneralSecurityException e) {
				throw new IOException("Could not sign the service account's token request", e);
			}
		}

		private static String base64Url(String json) {
			return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
		}

		private static PrivateKey privateKey(String pem) {
			if (pem == null) {
				throw new IllegalStateException("The service account key file has no private_key");
			}
			String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
			try {
				return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
			}
			catch (java.security.GeneralSecurityException | IllegalArgumentException e) {
				throw new IllegalStateException("The service account key file's private_key is no PKCS#8 RSA key");
			}
		}
	}

	/** A user's credentials from {@code gcloud auth application-default login}: a refresh token. */
	static final class AuthorizedUser extends AccessTokens {

		private final JsonNode json;

		AuthorizedUser(HttpClient http, JsonNode json) {
			super(http);
			this.json = json;
		}

		@Override
		JsonNode fetch() throws IOException, InterruptedException {
			return send(form("https://oauth2.googleapis.com/token", "grant_type=refresh_token&client_id="
					+ encoded(JsonEvents.text(json, "client_id")) + "&client_secret=" + encoded(JsonEvents.text(json, "client_secret"))
					+ "&refresh_token=" + encoded(JsonEvents.text(json, "refresh_token"))));
		}
	}
}
