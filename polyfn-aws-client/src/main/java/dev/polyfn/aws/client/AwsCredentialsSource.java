package dev.polyfn.aws.client;

/** Where a client gets the credentials it signs each request with; asked before every request. */
@FunctionalInterface
public interface AwsCredentialsSource {

	/** The credentials to sign with now; throws {@link AwsClientException} when there are none. */
	AwsCredentials credentials();

	static AwsCredentialsSource fixed(AwsCredentials credentials) {
		return () -> credentials;
	}
}
