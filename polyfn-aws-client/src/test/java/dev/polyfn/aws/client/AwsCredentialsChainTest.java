package dev.polyfn.aws.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpServer;

class AwsCredentialsChainTest {

	@TempDir
	Path home;

	private final Map<String, String> env = new HashMap<>();

	@Test
	void takesLambdasRoleCredentialsFromTheEnvironment() {
		env.put("AWS_ACCESS_KEY_ID", "ASIAROLE");
		env.put("AWS_SECRET_ACCESS_KEY", "secret");
		env.put("AWS_SESSION_TOKEN", "token");

		assertThat(chain().credentials()).isEqualTo(AwsCredentials.of("ASIAROLE", "secret", "token"));
	}

	@Test
	void takesTheActiveProfileFromTheSharedCredentialsFile() throws IOException {
		write(".aws/credentials", "[default]\naws_access_key_id = DEFAULTKEY\naws_secret_access_key = d\n\n[dev]\n# comment\n"
				+ "aws_access_key_id = DEVKEY\naws_secret_access_key = s\naws_session_token = t\n");
		env.put("AWS_PROFILE", "dev");

		assertThat(chain().credentials()).isEqualTo(AwsCredentials.of("DEVKEY", "s", "t"));
	}

	@Test
	void readsTheRegionOfTheActiveProfileFromTheConfigFile() throws IOException {
		write(".aws/config", "[default]\nregion = us-east-1\n[profile dev]\nregion = eu-central-1\n");
		env.put("AWS_PROFILE", "dev");

		assertThat(AwsRegions.fromEnvironment(this::variable)).contains("eu-central-1");
	}

	@Test
	void prefersAwsRegionToTheProfile() throws IOException {
		write(".aws/config", "[default]\nregion = us-east-1\n");
		env.put("AWS_REGION", "ap-south-1");

		assertThat(AwsRegions.fromEnvironment(this::variable)).contains("ap-south-1");
	}

	@Test
	void fetchesContainerCredentialsWithTheAuthorizationTokenAndKeepsThemUntilNearExpiry() throws IOException {
		AtomicInteger calls = new AtomicInteger();
		AtomicReference<String> authorization = new AtomicReference<>();
		HttpServer endpoint = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		endpoint.createContext("/creds", exchange -> {
			calls.incrementAndGet();
			authorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
			byte[] body = ("{\"AccessKeyId\":\"ASIACONTAINER\",\"SecretAccessKey\":\"s\\/x\",\"Token\":\"t\",\"Expiration\":\""
					+ Instant.now().plusSeconds(3600) + "\"}").getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		endpoint.start();
		try {
			env.put("AWS_CONTAINER_CREDENTIALS_FULL_URI", "http://127.0.0.1:" + endpoint.getAddress().getPort() + "/creds");
			env.put("AWS_CONTAINER_AUTHORIZATION_TOKEN", "the-token");
			AwsCredentialsChain chain = chain();

			AwsCredentials first = chain.credentials();
			chain.credentials();

			assertThat(first.accessKeyId()).isEqualTo("ASIACONTAINER");
			assertThat(first.secretAccessKey()).isEqualTo("s/x");
			assertThat(authorization.get()).isEqualTo("the-token");
			assertThat(calls.get()).isEqualTo(1);
		}
		finally {
			endpoint.stop(0);
		}
	}

	@Test
	void failsNamingEverySourceItLookedAt() {
		assertThatThrownBy(() -> chain().credentials()).isInstanceOf(AwsClientException.class)
				.hasMessageContaining("AWS_ACCESS_KEY_ID").hasMessageContaining("profile 'default'");
	}

	@Test
	void neverShowsTheSecretOrTokenInItsString() {
		assertThat(AwsCredentials.of("AKID", "the-secret", "the-token").toString()).contains("AKID").doesNotContain("the-secret", "the-token");
	}

	private AwsCredentialsChain chain() {
		return AwsCredentialsChain.standard(this::variable);
	}

	private String variable(String name) {
		return "HOME".equals(name) ? home.toString() : env.get(name);
	}

	private void write(String relative, String content) throws IOException {
		Path file = home.resolve(relative);
		Files.createDirectories(file.getParent());
		Files.writeString(file, content);
	}
}
