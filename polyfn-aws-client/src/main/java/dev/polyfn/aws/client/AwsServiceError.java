package dev.polyfn.aws.client;

/**
 * An error an AWS API (or an S3-compatible one) answered: its HTTP status, its error code (null when the answer named
 * none: a HEAD, a gateway's 502), the request id for the log, and how many times the request was sent. Kept as the
 * cause of polyfn's typed storage and messaging failures; the service's own message text is left out, since it can
 * name the account and the role, and must not reach a function's answer.
 */
public final class AwsServiceError extends RuntimeException {

	private final int status;
	private final String code;
	private final int attempts;

	/** @param attempts how many times the request was sent: more than one, and an earlier attempt may have been carried out */
	public AwsServiceError(String service, int status, String code, String requestId, int attempts) {
		super(service + " answered " + status + (code == null ? "" : " " + code)
				+ (requestId == null ? "" : " (request id " + requestId + ")"), null, false, false);
		this.status = status;
		this.code = code;
		this.attempts = attempts;
	}

	public int status() {
		return status;
	}

	/** The error code as the SDKs report it ({@code NoSuchKey}, {@code AWS.SimpleQueueService.NonExistentQueue}); null when none. */
	public String code() {
		return code;
	}

	public int attempts() {
		return attempts;
	}
}
