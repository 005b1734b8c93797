package dev.polyfn.storage.s3;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

import dev.polyfn.core.storage.StorageException;

/**
 * S3's answers as polyfn's typed storage failures, by HTTP status and S3 error code (Amazon S3 API Reference,
 * "Error responses", https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html, read 2026-12-03).
 * The S3 exception stays the cause, so the log has S3's request id; the caller sees only polyfn's message.
 */
final class S3Failures {

	private S3Failures() {
	}

	static StorageException translate(String storage, String key, String what, SdkException failed) {
		if (!(failed instanceof AwsServiceException service)) {
			// No answer from S3: a connection refused or reset, a timeout, a stream that failed mid-upload.
			return new StorageException.Failed(storage, what + (key == null ? "" : " '" + key + "'"), failed);
		}
		String code = service.awsErrorDetails() == null ? null : service.awsErrorDetails().errorCode();
		int status = service.statusCode();
		if ("NoSuchBucket".equals(code)) {
			// The bucket a setting names is missing: a deployment fault, never the caller's "not found".
			return new StorageException.Failed(storage, what + ": its bucket does not exist", failed);
		}
		if (status == 404) {
			// HEAD answers carry no body, so a 404 there has no code: an object that is not there.
			return new StorageException.NotFound(storage, key, failed);
		}
		if (status == 412 || (status == 409 && "ConditionalRequestConflict".equals(code))) {
			return new StorageException.PreconditionFailed(storage, key, failed);
		}
		if (status == 403) {
			return new StorageException.AccessDenied(storage, key, failed);
		}
		if (service.isThrottlingException() || status == 503 || status == 429) {
			return new StorageException.Throttled(storage, failed);
		}
		return new StorageException.Failed(storage, what + (key == null ? "" : " '" + key + "'") + " (S3 answered " + status
				+ (code == null ? "" : " " + code) + ")", failed);
	}
}
