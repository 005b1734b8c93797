package dev.polyfn.storage.azure;

import com.azure.storage.blob.models.BlobErrorCode;
import com.azure.storage.blob.models.BlobStorageException;

import dev.polyfn.core.storage.StorageException;

/**
 * Blob Storage's answers as polyfn's typed storage failures, by status and error code (Blob service error codes,
 * https://learn.microsoft.com/en-us/rest/api/storageservices/blob-service-error-codes, read 2026-12-04). The SDK's
 * exception stays the cause, so the log has the service's request id; the caller sees only polyfn's message.
 */
final class AzureBlobFailures {

	private AzureBlobFailures() {
	}

	static StorageException translate(String storage, String key, String what, RuntimeException failed) {
		if (!(failed instanceof BlobStorageException service)) {
			// No answer from the service: refused or reset connection, a timeout, a stream that failed mid-upload.
			return new StorageException.Failed(storage, what + (key == null ? "" : " '" + key + "'"), failed);
		}
		BlobErrorCode code = service.getErrorCode();
		int status = service.getStatusCode();
		if (BlobErrorCode.CONTAINER_NOT_FOUND.equals(code)) {
			// The container a setting names is missing: a deployment fault, never the caller's "not found".
			return new StorageException.Failed(storage, what + ": its container does not exist", failed);
		}
		if (status == 404) {
			return new StorageException.NotFound(storage, key, failed);
		}
		if (status == 412 || BlobErrorCode.BLOB_ALREADY_EXISTS.equals(code)) {
			return new StorageException.PreconditionFailed(storage, key, failed);
		}
		if (status == 403) {
			return new StorageException.AccessDenied(storage, key, failed);
		}
		if (status == 503 || status == 429 || BlobErrorCode.SERVER_BUSY.equals(code)) {
			return new StorageException.Throttled(storage, failed);
		}
		return new StorageException.Failed(storage, what + (key == null ? "" : " '" + key + "'") + " (Blob Storage answered "
				+ status + (code == null ? "" : " " + code) + ")", failed);
	}
}
