package dev.polyfn.google.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import dev.polyfn.core.events.JsonEvents;

/** Application Default Credentials and the project id against a metadata server and a token endpoint on loopback. */
class GoogleCredentialsTest {

	private static final String SCOPE = "https://www.googleapis.com/auth/pubsub";

	private final HttpClient http = HttpClient.newHttpClient();
	private final List<String> requests = new CopyOnWriteArrayList<>();
	private HttpServer server;
	private KeyPair key;

	@BeforeEach
	void start() throws IOException {
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/computeMetadata/v1/project/project-id", exchange -> {
			record(exchange);
			answer(exchange, 200, "metadata-project");
		});
		server.createContext("/computeMetadata/v1/instance/service-accounts/default/token", exchange -> {
			record(exchange);
			answer(exchange, 200, "{\"access_token\":\"from-metadata\",\"expires_in\":3599,\"token_type\":\"Bearer\"}");
		});
		server.createContext("/token", this::serviceAccountToken);
		server.start();
	}

	@AfterEach
	void stop() {
		server.stop(0);
	}

	@Test
	void on_cloud_run_the_token_comes_from_the_metadata_server_once_and_is_kept() throws Exception {
		AccessTokens tokens = AccessTokens.find(env(Map.of("GCE_METADATA_HOST", host())), http, SCOPE);

		assertThat(tokens.token()).isEqualTo("from-metadata");
		assertThat(tokens.token()).isEqualTo("from-metadata");
		assertThat(requests).containsExactly("GET /computeMetadata/v1/instance/service-accounts/default/token Metadata-Flavor=Google");
	}

	@Test
	void the_project_is_google_cloud_project_when_set_without_asking_the_metadata_server() throws Exception {
		String project = GoogleProject.find(env(Map.of("GOOGLE_CLOUD_PROJECT", "named", "GCE_METADATA_HOST", host())), http);

		assertThat(project).isEqualTo("named");
		assertThat(requests).isEmpty();
	}

	@Test
	void without_google_cloud_project_the_metadata_server_names_the_project() throws Exception {
		assertThat(GoogleProject.find(env(Map.of("GCE_METADATA_HOST", host())), http)).isEqualTo("metadata-project");
		assertThat(requests).containsExactly("GET /computeMetadata/v1/project/project-id Metadata-Flavor=Google");
	}

	@Test
	void without_a_metadata_server_the_project_lookup_says_what_is_missing() {
		String nowhere = "127.0.0.1:" + dev.polyfn.local.Ports.free();

		assertThatThrownBy(() -> GoogleProject.find(env(Map.of("GCE_METADATA_HOST", nowhere)), http))
			.isInstanceOf(IOException.class).hasMessageContaining("GOOGLE_CLOUD_PROJECT is unset");
	}

	@Test
	void a_service_account_key_signs_a_jwt_for_the_scope_asked_for(@TempDir Path dir) throws Exception {
		key = KeyPairGenerator.getInstance("RSA").generateKeyPair();
		String pem = "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder().encodeToString(key.getPrivate().getEncoded())
				+ "\n-----END PRIVATE KEY-----\n";
		Path file = dir.resolve("key.json");
		Files.write(file, JsonEvents.toBytes(JsonEvents.object().put("type", "service_account")
			.put("client_email", "fn@p.iam.gserviceaccount.com").put("private_key", pem).put("token_uri", "http://" + host() + "/token")));

		AccessTokens tokens = AccessTokens.find(env(Map.of("GOOGLE_APPLICATION_CREDENTIALS", file.toString())), http, SCOPE);

		assertThat(tokens.token()).isEqualTo("from-key");
		assertThat(requests).containsExactly("POST /token scope=" + SCOPE + " iss=fn@p.iam.gserviceaccount.com signature=valid");
	}

	@Test
	void a_key_file_that_is_not_there_is_named() {
		assertThatThrownBy(() -> AccessTokens.find(env(Map.of("GOOGLE_APPLICATION_CREDENTIALS", "/no/such/key.json")), http, SCOPE))
			.isInstanceOf(IllegalStateException.class).hasMessageContaining("/no/such/key.json");
	}

	/** The JWT bearer grant: checks the assertion's RS256 signature with the key's public half and reads its claims. */
	private void serviceAccountToken(HttpExchange exchange) throws IOException {
		String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
		String assertion = "";
		for (String pair : form.split("&")) {
			if (pair.startsWith("assertion=")) {
				assertion = URLDecoder.decode(pair.substring("assertion=".length()), StandardCharsets.UTF_8);
			}
		}
		String[] parts = assertion.split("\\.");
		var claims = JsonEvents.parse(Base64.getUrlDecoder().decode(parts[1]));
		boolean valid;
		try {
			Signature rsa = Signature.getInstance("SHA256withRSA");
			rsa.initVerify(key.getPublic());
			rsa.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
			valid = rsa.verify(Base64.getUrlDecoder().decode(parts[2]));
		}
		catch (java.security.GeneralSecurityException e) {
			valid = false;
		}
		requests.add("POST /token scope=" + JsonEvents.text(claims, "scope") + " iss=" + JsonEvents.text(claims, "iss")
				+ " signature=" + (valid ? "valid" : "invalid"));
		answer(exchange, 200, "{\"access_token\":\"from-key\",\"expires_in\":3600}");
	}

	private void record(HttpExchange exchange) {
		requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + " Metadata-Flavor="
				+ exchange.getRequestHeaders().getFirst("Metadata-Flavor"));
	}

	private static void answer(HttpExchange exchange, int status, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.sendResponseHeaders(status, bytes.length);
		try (var out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	private String host() {
		return "127.0.0.1:" + server.getAddress().getPort();
	}

	private static java.util.function.UnaryOperator<String> env(Map<String, String> values) {
		return values::get;
	}
}
