package dev.polyfn.storage.s3;

/**
 * An error S3 answered: its HTTP status and the {@code <Code>} of its error document (null for a HEAD, whose answer
 * has no body), with S3's request id for the log. The cause of polyfn's {@code StorageException}; S3's own
 * {@code <Message>} is left out, since it can name the account and the role.
 */
final class S3ErrorAnswer extends RuntimeException {

	private final int status;
	private final String code;
	private final int attempts;

	/** @param attempts how many times the request was sent: more than one, and an earlier attempt may have been carried out */
	S3ErrorAnswer(int status, String code, String requestId, int attempts) {
		super("S3 answered " + status + (code == null ? "" : " " + code) + (requestId == null ? "" : " (request id " + requestId + ")"),
				null, false, false);
		this.status = status;
		this.code = code;
		this.attempts = attempts;
	}

	int status() {
		return status;
	}

	String code() {
		return code;
	}

	int attempts() {
		return attempts;
	}
}
