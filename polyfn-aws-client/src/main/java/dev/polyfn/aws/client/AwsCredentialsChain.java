package dev.polyfn.aws.client;

import java.time.Duration;
import java.time.Instant;
import java.util.function.UnaryOperator;

/**
 * The credentials the AWS SDKs' default chain finds, in its order ("Standardized credential providers",
 * https://docs.aws.amazon.com/sdkref/latest/guide/standardized-credentials.html, read 2026-12-07), of which polyfn
 * takes the sources a function or a developer's machine has:
 * <ol>
 * <li>{@code AWS_ACCESS_KEY_ID}, {@code AWS_SECRET_ACCESS_KEY}, {@code AWS_SESSION_TOKEN}: what Lambda sets from the
 * execution role (Lambda, "Defined runtime environment variables",
 * https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars.html, read 2026-12-07);</li>
 * <li>the container credentials endpoint (SnapStart, ECS), refreshed five minutes before the credentials expire;</li>
 * <li>the shared credentials and config files' active profile (a developer's {@code aws configure}).</li>
 * </ol>
 * Web identity, SSO, credential processes and the EC2 instance metadata service are not sources here.
 */
public final class AwsCredentialsChain implements AwsCredentialsSource {

	static final Duration REFRESH_BEFORE_EXPIRY = Duration.ofMinutes(5);

	private final UnaryOperator<String> environment;
	private volatile AwsCredentials cached;

	private AwsCredentialsChain(UnaryOperator<String> environment) {
		this.environment = environment;
	}

	/** @param environment reads a runtime variable (e.g. {@code System::getenv}) */
	public static AwsCredentialsChain standard(UnaryOperator<String> environment) {
		return new AwsCredentialsChain(environment);
	}

	@Override
	public AwsCredentials credentials() {
		AwsCredentials fromEnvironment = fromEnvironment();
		if (fromEnvironment != null) {
			return fromEnvironment;
		}
		AwsCredentials current = cached;
		if (current != null && !expiresSoon(current)) {
			return current;
		}
		synchronized (this) {
			if (cached == null || expiresSoon(cached)) {
				cached = fromContainerOrProfile();
			}
			return cached;
		}
	}

	private AwsCredentials fromEnvironment() {
		String id = environment.apply("AWS_ACCESS_KEY_ID");
		String secret = environment.apply("AWS_SECRET_ACCESS_KEY");
		if (id == null || id.isBlank() || secret == null || secret.isBlank()) {
			return null;
		}
		return AwsCredentials.of(id.trim(), secret.trim(), environment.apply("AWS_SESSION_TOKEN"));
	}

	private AwsCredentials fromContainerOrProfile() {
		if (ContainerCredentials.configured(environment)) {
			return ContainerCredentials.fetch(environment);
		}
		ProfileFiles profile = ProfileFiles.load(environment);
		String id = profile.get("aws_access_key_id");
		String secret = profile.get("aws_secret_access_key");
		if (id == null || secret == null) {
			throw new AwsClientException("No AWS credentials: AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are unset, there is no "
					+ "container credentials endpoint, and the shared credentials file has no keys for profile '"
					+ (environment.apply("AWS_PROFILE") == null ? "default" : environment.apply("AWS_PROFILE")) + "'");
		}
		return AwsCredentials.of(id, secret, profile.get("aws_session_token"));
	}

	private static boolean expiresSoon(AwsCredentials credentials) {
		return credentials.expiration() != null && Instant.now().plus(REFRESH_BEFORE_EXPIRY).isAfter(credentials.expiration());
	}
}
