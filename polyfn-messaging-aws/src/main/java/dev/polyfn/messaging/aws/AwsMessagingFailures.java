package dev.polyfn.messaging.aws;

import java.util.Locale;
import java.util.Set;

import dev.polyfn.aws.client.AwsClientException;
import dev.polyfn.aws.client.AwsServiceError;
import dev.polyfn.core.messaging.MessagingException;

/**
 * SQS's and SNS's answers as polyfn's typed messaging failures, by HTTP status and error code (SQS API Reference,
 * "Common Errors" and each action's "Errors",
 * https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/CommonErrors.html; SNS API Reference,
 * "Publish" errors, https://docs.aws.amazon.com/sns/latest/api/API_Publish.html; both read 2026-12-06). The
 * {@link AwsServiceError} (or the transport's {@link AwsClientException}) stays the cause, for the log with the request
 * id; the caller sees polyfn's message, which names the alias and the error code, never the queue URL, the topic ARN
 * or the service's own text.
 */
final class AwsMessagingFailures {

	/**
	 * SQS's {@code QueueDoesNotExist} (its JSON {@code __type}) and its query-protocol name (the
	 * {@code x-amzn-query-error} header); SNS's {@code NotFound}.
	 */
	private static final Set<String> NOT_FOUND = Set.of("QueueDoesNotExist", "AWS.SimpleQueueService.NonExistentQueue",
			"NonExistentQueue", "NotFound", "NotFoundException");

	private static final Set<String> ACCESS_DENIED = Set.of("AccessDenied", "AccessDeniedException", "AuthorizationError",
			"AuthorizationErrorException", "KMS.AccessDeniedException", "KmsAccessDenied", "InvalidClientTokenId",
			"InvalidSecurity", "UnrecognizedClientException", "SignatureDoesNotMatch", "ExpiredToken");

	/**
	 * The throttling codes; besides these, any code with "throttl" in it (SQS's {@code KmsThrottled}, SNS's
	 * {@code KMSThrottling}, {@code ThrottledException}).
	 */
	private static final Set<String> THROTTLED = Set.of("RequestThrottled", "ThrottlingException", "Throttling", "Throttled",
			"KMS.ThrottlingException", "KmsThrottling", "ServiceUnavailable", "OverLimit", "TooManyRequestsException",
			"RequestLimitExceeded");

	private AwsMessagingFailures() {
	}

	/** A whole call that failed: the service's error answer, or no answer at all (a connection refused, a timeout). */
	static MessagingException translate(String service, String alias, RuntimeException failed) {
		if (!(failed instanceof AwsServiceError answered)) {
			return new MessagingException.Failed(alias, service + " did not answer", failed);
		}
		String code = answered.code();
		int status = answered.status();
		MessagingException byCode = byCode(alias, code, failed);
		if (byCode != null) {
			return byCode;
		}
		if (status == 403) {
			return new MessagingException.AccessDenied(alias, failed);
		}
		if (status == 429 || status == 503) {
			return new MessagingException.Throttled(alias, failed);
		}
		if (status / 100 == 2) {
			return new MessagingException.Failed(alias, service + "'s answer could not be read", failed);
		}
		return new MessagingException.Failed(alias, service + " answered " + status + (code == null ? "" : " " + code), failed);
	}

	/**
	 * One entry of a batch that the service refused while taking the others ({@code BatchResultErrorEntry}: an id, a
	 * code, a message, whether the sender is at fault).
	 */
	static MessagingException entry(String service, String alias, String code, boolean senderFault) {
		MessagingException byCode = byCode(alias, code, null);
		if (byCode != null) {
			return byCode;
		}
		return new MessagingException.Failed(alias, service + " refused the message: " + (code == null ? "no code" : code)
				+ (senderFault ? "" : " (a fault on its side; sending it again may work)"), null);
	}

	/** Whether an error code says the call was throttled: the HTTP client sends such a call again, as the SDKs do. */
	static boolean isThrottling(String code) {
		return code != null && (THROTTLED.contains(code) || code.toLowerCase(Locale.ROOT).contains("throttl"));
	}

	private static MessagingException byCode(String alias, String code, Throwable cause) {
		if (code == null) {
			return null;
		}
		if (NOT_FOUND.contains(code)) {
			return new MessagingException.NotFound(alias, cause);
		}
		if (ACCESS_DENIED.contains(code)) {
			return new MessagingException.AccessDenied(alias, cause);
		}
		if (isThrottling(code)) {
			return new MessagingException.Throttled(alias, cause);
		}
		return null;
	}
}
