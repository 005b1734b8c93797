package dev.polyfn.messaging.mns;

import java.util.Set;

import dev.polyfn.core.messaging.MessagingException;

/**
 * MNS's error codes ("Error codes", https://alibabacloud.com/help/en/mns/error-codes, and "Syntax of error responses",
 * https://help.aliyun.com/en/mns/developer-reference/syntax-of-error-responses, read 2026-12-06) as function-core's
 * typed failures. The service's own message text stays in the cause (for the log), never in the function's answer.
 */
final class MnsFailures {

	/** 404: the queue or the topic is not there. */
	private static final Set<String> NOT_FOUND = Set.of("QueueNotExist", "TopicNotExist");

	/** 403: the key is unknown, its signature does not match, or its owner may not do this (any other 403 too). */
	private static final Set<String> ACCESS_DENIED = Set.of("AccessDenied", "InvalidAccessKeyId", "SignatureDoesNotMatch");

	/**
	 * Overload: QpsLimitExceeded in the error-code table, and 429 TooManyRequests of the throttling policy
	 * (https://www.alibabacloud.com/help/fr/mns/developer-reference/flow-limiting-policy, updated 2026-08-10, read
	 * 2026-12-06).
	 */
	private static final Set<String> THROTTLED = Set.of("QpsLimitExceeded", "TooManyRequests", "Throttling");

	private MnsFailures() {
	}

	/** The failure for an error answer with its code (null when the body named none). */
	static MessagingException of(String alias, int status, String code) {
		ServiceError cause = new ServiceError(status, code);
		if ((code != null && THROTTLED.contains(code)) || status == 429) {
			return new MessagingException.Throttled(alias, cause);
		}
		if ((code != null && NOT_FOUND.contains(code)) || status == 404) {
			return new MessagingException.NotFound(alias, cause);
		}
		if ((code != null && ACCESS_DENIED.contains(code)) || status == 403) {
			return new MessagingException.AccessDenied(alias, cause);
		}
		return new MessagingException.Failed(alias, "MNS answered " + status + (code == null ? "" : " " + code), cause);
	}

	/** A call that got no answer (connection refused, timeout, a reset). */
	static MessagingException unreachable(String alias, Exception cause) {
		return new MessagingException.Failed(alias, "MNS could not be reached (" + cause.getClass().getSimpleName() + ")", cause);
	}

	/** What the service said, kept as the cause. */
	static final class ServiceError extends RuntimeException {

		private final String code;

		ServiceError(int status, String code) {
			super("MNS " + status + " " + code);
			this.code = code;
		}

		String code() {
			return code;
		}
	}
}
