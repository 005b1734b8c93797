package dev.polyfn.aws.client;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.function.UnaryOperator;

/**
 * Credentials from the container credentials endpoint ("Container credential provider",
 * https://docs.aws.amazon.com/sdkref/latest/guide/feature-container-credentials.html, read 2026-12-07): Lambda
 * SnapStart functions get theirs this way instead of in environment variables, and so do ECS tasks.
 * {@code AWS_CONTAINER_CREDENTIALS_RELATIVE_URI} is a path on {@code 169.254.170.2};
 * {@code AWS_CONTAINER_CREDENTIALS_FULL_URI} a whole URL, with the {@code Authorization} header read from
 * {@code AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE} (read at each refresh: the platform rotates it) or
 * {@code AWS_CONTAINER_AUTHORIZATION_TOKEN}. The answer is JSON with {@code AccessKeyId}, {@code SecretAccessKey},
 * {@code Token} and {@code Expiration}.
 */
final class ContainerCredentials {

	private static final String ECS_HOST = "http://169.254.170.2";
	private static final int TIMEOUT_MILLIS = 2_000;

	private ContainerCredentials() {
	}

	/** Whether this runtime has a container endpoint at all. */
	static boolean configured(UnaryOperator<String> environment) {
		return set(environment.apply("AWS_CONTAINER_CREDENTIALS_FULL_URI")) || set(environment.apply("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI"));
	}

	static AwsCredentials fetch(UnaryOperator<String> environment) {
		String relative = environment.apply("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI");
		URI uri = URI.create(set(relative) ? ECS_HOST + relative.trim() : environment.apply("AWS_CONTAINER_CREDENTIALS_FULL_URI").trim());
		try {
			HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
			connection.setConnectTimeout(TIMEOUT_MILLIS);
			connection.setReadTimeout(TIMEOUT_MILLIS);
			String token = authorization(environment);
			if (token != null) {
				connection.setRequestProperty("Authorization", token);
			}
			int status = connection.getResponseCode();
			if (status != 200) {
				throw new AwsClientException("The container credentials endpoint answered HTTP " + status);
			}
			String json;
			try (InputStream body = connection.getInputStream()) {
				json = new String(body.readAllBytes(), StandardCharsets.UTF_8);
			}
			String expiration = FlatJson.string(json, "Expiration");
			return new AwsCredentials(FlatJson.string(json, "AccessKeyId"), FlatJson.string(json, "SecretAccessKey"),
					FlatJson.string(json, "Token"), expiration == null ? null : Instant.parse(expiration));
		}
		catch (IOException | java.time.format.DateTimeParseException e) {
			throw new AwsClientException("Could not read credentials from the container credentials endpoint", e);
		}
	}

	private static String authorization(UnaryOperator<String> environment) throws IOException {
		String file = environment.apply("AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE");
		if (set(file)) {
			return Files.readString(Path.of(file.trim())).trim();
		}
		String token = environment.apply("AWS_CONTAINER_AUTHORIZATION_TOKEN");
		return set(token) ? token.trim() : null;
	}

	private static boolean set(String value) {
		return value != null && !value.isBlank();
	}
}
