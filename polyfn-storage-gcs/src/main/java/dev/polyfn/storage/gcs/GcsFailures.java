package dev.polyfn.storage.gcs;

import dev.polyfn.core.storage.StorageException;

/**
 * The JSON API's answers as polyfn's typed storage failures ("HTTP status and error codes for JSON",
 * https://cloud.google.com/storage/docs/json_api/v1/status-codes, read 2026-12-04).
 */
final class GcsFailures {

	private GcsFailures() {
	}

	static StorageException translate(String storage, String key, String what, int status, String reason) {
		String target = what + (key == null ? "" : " '" + key + "'");
		return switch (status) {
			case 404 -> new StorageException.NotFound(storage, key, null);
			case 412 -> new StorageException.PreconditionFailed(storage, key, null);
			case 401, 403 -> new StorageException.AccessDenied(storage, key, null);
			case 429, 503 -> new StorageException.Throttled(storage, null);
			default -> new StorageException.Failed(storage, target + " (Cloud Storage answered " + status
					+ (reason == null ? "" : " " + reason) + ")", null);
		};
	}

	static StorageException unreachable(String storage, String key, String what, Exception failed) {
		return new StorageException.Failed(storage, what + (key == null ? "" : " '" + key + "'"), failed);
	}
}
