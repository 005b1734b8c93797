package dev.polyfn.messaging.azure;

import com.azure.storage.queue.models.QueueErrorCode;
import com.azure.storage.queue.models.QueueStorageException;

import dev.polyfn.core.messaging.MessagingException;

/**
 * Queue Storage's answers as polyfn's typed messaging failures, by error code and status (Queue service error codes,
 * https://learn.microsoft.com/en-us/rest/api/storageservices/queue-service-error-codes, and the common ones,
 * https://learn.microsoft.com/en-us/rest/api/storageservices/common-rest-api-error-codes, read 2026-12-06). The
 * SDK's exception stays the cause, so the log has the service's request id; the message names the alias only.
 */
final class StorageQueueFailures {

	private StorageQueueFailures() {
	}

	static MessagingException translate(String alias, RuntimeException failed) {
		if (!(failed instanceof QueueStorageException service)) {
			// No answer from the service: refused or reset connection, a timeout, a failed token request.
			return new MessagingException.Failed(alias, "no answer from Queue Storage (" + failed.getClass().getSimpleName() + ")", failed);
		}
		QueueErrorCode code = service.getErrorCode();
		int status = service.getStatusCode();
		if (QueueErrorCode.QUEUE_NOT_FOUND.equals(code) || status == 404) {
			return new MessagingException.NotFound(alias, failed);
		}
		// AuthorizationFailure, AuthorizationPermissionMismatch (the identity lacks Storage Queue Data Message Sender),
		// AuthenticationFailed (a wrong key or an expired SAS): all 403.
		if (status == 403 || QueueErrorCode.AUTHORIZATION_FAILURE.equals(code) || QueueErrorCode.AUTHENTICATION_FAILED.equals(code)) {
			return new MessagingException.AccessDenied(alias, failed);
		}
		// ServerBusy is 503 ("The server is currently unable to receive requests"), also a 500 "Operations per second
		// is over the account limit"; the SDK has retried it already.
		if (status == 503 || status == 429 || QueueErrorCode.SERVER_BUSY.equals(code)) {
			return new MessagingException.Throttled(alias, failed);
		}
		return new MessagingException.Failed(alias, "Queue Storage answered " + status + (code == null ? "" : " " + code), failed);
	}
}
