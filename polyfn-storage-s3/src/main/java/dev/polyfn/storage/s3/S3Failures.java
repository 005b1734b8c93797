package dev.polyfn.storage.s3;

import dev.polyfn.aws.client.AwsServiceError;

import dev.polyfn.core.storage.StorageException;

/**
 * S3's answers as polyfn's typed storage failures, by HTTP status and S3 error code (Amazon S3 API Reference,
 * "Error responses", https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html, read 2026-12-07).
 * S3's answer stays the cause, so the log has S3's request id; the caller sees only polyfn's message.
 */
final class S3Failures {

	private S3Failures() {
	}

	/** @param failed an {@link AwsServiceError}, or anything else when no answer came (connection, timeout, credentials) */
	static StorageException translate(String storage, String key, String what, RuntimeException failed) {
		if (!(failed instanceof AwsServiceError answer)) {
			// No answer from S3: a connection refused or reset, a timeout, no credentials to sign with.
			return new StorageException.Failed(storage, what + (key == null ? "" : " '" + key + "'"), failed);
		}
		String code = answer.code();
		int status = answer.status();
		if ("NoSuchBucket".equals(code)) {
			// The bucket a setting names is missing: a deployment fault, never the caller's "not found".
			return new StorageException.Failed(storage, what + ": its bucket does not exist", failed);
		}
		if (status == 404 || "NoSuchKey".equals(code)) {
			// HEAD answers carry no body, so a 404 there has no code: an object that is not there.
			return new StorageException.NotFound(storage, key, failed);
		}
		if (status == 412 || "PreconditionFailed".equals(code) || (status == 409 && "ConditionalRequestConflict".equals(code))) {
			return new StorageException.PreconditionFailed(storage, key, failed);
		}
		if (status == 403 || "AccessDenied".equals(code)) {
			return new StorageException.AccessDenied(storage, key, failed);
		}
		if (status == 503 || status == 429 || isThrottling(code)) {
			return new StorageException.Throttled(storage, failed);
		}
		return new StorageException.Failed(storage, what + (key == null ? "" : " '" + key + "'") + " (S3 answered " + status
				+ (code == null ? "" : " " + code) + ")", failed);
	}

	/**
	 * S3's codes for "slow down" whatever the status: {@code SlowDown} (503, or inside a 200 answer of CopyObject and
	 * CompleteMultipartUpload), and the throttling codes the AWS SDKs retry as such.
	 */
	static boolean isThrottling(String code) {
		return code != null && switch (code) {
			case "SlowDown", "Throttling", "ThrottlingException", "RequestThrottled", "TooManyRequestsException",
					"RequestLimitExceeded", "BandwidthLimitExceeded" -> true;
			default -> false;
		};
	}
}
