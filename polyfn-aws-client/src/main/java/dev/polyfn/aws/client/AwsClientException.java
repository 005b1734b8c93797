package dev.polyfn.aws.client;

/** A call that could not be made or answered: no credentials, no region, the connection failed after every retry. */
public class AwsClientException extends RuntimeException {

	public AwsClientException(String message) {
		super(message);
	}

	public AwsClientException(String message, Throwable cause) {
		super(message, cause);
	}
}
