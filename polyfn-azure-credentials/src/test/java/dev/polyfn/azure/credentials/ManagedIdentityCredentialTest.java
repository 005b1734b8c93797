package dev.polyfn.azure.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenRequestContext;
import com.sun.net.httpserver.HttpServer;

/**
 * The token request against a loopback stand-in of App Service's identity endpoint, which answers as the REST
 * endpoint reference describes (access_token, expires_on in epoch seconds).
 */
class ManagedIdentityCredentialTest {

	private HttpServer endpoint;
	private final AtomicReference<String> query = new AtomicReference<>();
	private final AtomicReference<String> header = new AtomicReference<>();

	@BeforeEach
	void start() throws Exception {
		endpoint = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		endpoint.createContext("/msi/token", exchange -> {
			query.set(exchange.getRequestURI().getRawQuery());
			header.set(exchange.getRequestHeaders().getFirst("X-IDENTITY-HEADER"));
			byte[] body = "{\"access_token\":\"tok-1\",\"expires_on\":\"1900000000\",\"resource\":\"https://storage.azure.com/\"}"
				.getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		endpoint.start();
	}

	@AfterEach
	void stop() {
		endpoint.stop(0);
	}

	private Map<String, String> environment() {
		return Map.of("IDENTITY_ENDPOINT", "http://127.0.0.1:" + endpoint.getAddress().getPort() + "/msi/token", "IDENTITY_HEADER", "s3cret");
	}

	@Test
	void the_sdks_storage_scope_is_asked_for_as_the_storage_resource_with_the_identity_header() {
		AccessToken token = ManagedIdentityCredential.fromEnvironment(environment()::get, null)
			.getToken(new TokenRequestContext().addScopes("https://storage.azure.com/.default")).block();

		assertThat(token.getToken()).isEqualTo("tok-1");
		assertThat(token.getExpiresAt().toInstant()).isEqualTo(Instant.ofEpochSecond(1_900_000_000L));
		assertThat(query.get()).isEqualTo("resource=https%3A%2F%2Fstorage.azure.com%2F&api-version=2019-08-01");
		assertThat(header.get()).isEqualTo("s3cret");
	}

	@Test
	void a_user_assigned_identity_is_asked_for_by_its_client_id() {
		ManagedIdentityCredential.fromEnvironment(environment()::get, "c-1")
			.getToken(new TokenRequestContext().addScopes("https://storage.azure.com/.default")).block();

		assertThat(query.get()).endsWith("&client_id=c-1");
	}

	@Test
	void without_the_identity_endpoint_the_message_says_to_turn_the_identity_on() {
		assertThatThrownBy(() -> ManagedIdentityCredential.fromEnvironment(name -> null, null))
			.hasMessageStartingWith("No managed identity: IDENTITY_ENDPOINT and IDENTITY_HEADER are unset");
	}
}
