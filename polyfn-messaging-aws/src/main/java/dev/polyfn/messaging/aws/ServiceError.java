package dev.polyfn.messaging.aws;

/**
 * An error answer of SQS or SNS: its HTTP status, its error code (null when the body named none, e.g. a gateway's
 * 502) and the request id, for the log. Kept as the cause of polyfn's typed failure; the service's own message text is
 * not kept, so it cannot reach a function's answer.
 */
final class ServiceError extends RuntimeException {

	private final int status;
	private final String code;

	ServiceError(String service, int status, String code, String requestId) {
		super(service + " answered " + status + (code == null ? "" : " " + code) + (requestId == null ? "" : " (request id " + requestId + ")"));
		this.status = status;
		this.code = code;
	}

	int status() {
		return status;
	}

	/** The error code as the SDKs report it, e.g. {@code AWS.SimpleQueueService.NonExistentQueue}, {@code NotFound}; null when none. */
	String code() {
		return code;
	}
}
