package dev.polyfn.messaging.aws;

import java.util.Locale;
import java.util.Set;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

import dev.polyfn.core.messaging.MessagingException;

/**
 * SQS's and SNS's answers as polyfn's typed messaging failures, by exception, HTTP status and error code (SQS API
 * Reference, "Common Errors" and each action's "Errors",
 * https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/CommonErrors.html; SNS API Reference,
 * "Publish" errors, https://docs.aws.amazon.com/sns/latest/api/API_Publish.html; both read 2026-12-06). The SDK's
 * exception stays the cause, for the log with the request id; the caller sees polyfn's message, which names the
 * alias and the error code, never the queue URL, the topic ARN or the service's own text.
 */
final class AwsMessagingFailures {

	/** SQS's {@code QueueDoesNotExist} (JSON protocol) and its query-protocol name; SNS's {@code NotFound}. */
	private static final Set<String> NOT_FOUND = Set.of("QueueDoesNotExist", "AWS.SimpleQueueService.NonExistentQueue",
			"NonExistentQueue", "NotFound", "NotFoundException");

	private static final Set<String> ACCESS_DENIED = Set.of("AccessDenied", "AccessDeniedException", "AuthorizationError",
			"AuthorizationErrorException", "KMS.AccessDeniedException", "KmsAccessDenied", "InvalidClientTokenId",
			"InvalidSecurity", "UnrecognizedClientException", "SignatureDoesNotMatch", "ExpiredToken");

	private static final Set<String> THROTTLED = Set.of("RequestThrottled", "ThrottlingException", "Throttling", "Throttled",
			"KMS.ThrottlingException", "KmsThrottling", "ServiceUnavailable", "OverLimit");

	private AwsMessagingFailures() {
	}

	/** A whole call that failed: no answer (a connection refused, a timeout), or the service's error. */
	static MessagingException translate(String service, String alias, SdkException failed) {
		if (!(failed instanceof AwsServiceException answered)) {
			return new MessagingException.Failed(alias, service + " did not answer", failed);
		}
		String code = answered.awsErrorDetails() == null ? null : answered.awsErrorDetails().errorCode();
		int status = answered.statusCode();
		MessagingException byCode = byCode(alias, code, failed);
		if (byCode != null) {
			return byCode;
		}
		if (status == 403) {
			return new MessagingException.AccessDenied(alias, failed);
		}
		if (answered.isThrottlingException() || status == 429 || status == 503) {
			return new MessagingException.Throttled(alias, failed);
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
		if (THROTTLED.contains(code) || code.toLowerCase(Locale.ROOT).contains("throttl")) {
			return new MessagingException.Throttled(alias, cause);
		}
		return null;
	}
}
