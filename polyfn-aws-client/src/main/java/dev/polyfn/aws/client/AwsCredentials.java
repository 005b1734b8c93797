package dev.polyfn.aws.client;

import java.time.Instant;

/**
 * An access key pair, with the session token and expiry of temporary credentials (a role's, as Lambda hands them
 * over). {@link #toString()} names the key id only: credentials end up in exception messages and logs.
 *
 * @param sessionToken null for long-term keys
 * @param expiration null when the source does not say (environment variables)
 */
public record AwsCredentials(String accessKeyId, String secretAccessKey, String sessionToken, Instant expiration) {

	public AwsCredentials {
		if (accessKeyId == null || accessKeyId.isBlank() || secretAccessKey == null || secretAccessKey.isBlank()) {
			throw new AwsClientException("Incomplete AWS credentials: an access key id and a secret access key are both needed");
		}
		sessionToken = sessionToken == null || sessionToken.isBlank() ? null : sessionToken;
	}

	public static AwsCredentials of(String accessKeyId, String secretAccessKey, String sessionToken) {
		return new AwsCredentials(accessKeyId, secretAccessKey, sessionToken, null);
	}

	@Override
	public String toString() {
		return "AwsCredentials[" + accessKeyId + (sessionToken != null ? ", temporary" : "")
				+ (expiration != null ? ", expires " + expiration : "") + "]";
	}
}
