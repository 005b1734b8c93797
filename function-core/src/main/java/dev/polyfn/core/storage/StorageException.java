package dev.polyfn.core.storage;

import dev.polyfn.core.FunctionStatusException;
import dev.polyfn.core.invoke.CallerText;

/**
 * A storage call that failed, typed the same on every cloud so that a function can catch what it can handle
 * ({@link NotFound}, {@link PreconditionFailed}) without a cloud SDK's exceptions. Each is a
 * {@link FunctionStatusException}, so one that the function lets through answers in the error contract through
 * the pipeline's one mapper: the status below, its code, and the message (which names the storage alias and the
 * key, never the bucket, credentials or the cloud's own error text). The cloud's exception is the cause, for
 * the log.
 *
 * <table>
 * <tr><th>failure</th><th>status</th><th>why that status</th></tr>
 * <tr><td>{@link NotFound}</td><td>404 {@code not_found}</td><td>what was asked for is not there</td></tr>
 * <tr><td>{@link InvalidKey}</td><td>400 {@code bad_request}</td><td>keys usually come from the request or event</td></tr>
 * <tr><td>{@link TooLarge}</td><td>413 {@code payload_too_large}</td><td>past the size the function reads into memory</td></tr>
 * <tr><td>{@link PreconditionFailed}</td><td>409 {@code conflict}</td><td>the object changed under the function (its own
 * condition, not the caller's: so not 412)</td></tr>
 * <tr><td>{@link AccessDenied}</td><td>500 {@code function_error}</td><td>the function's own role or key lacks a permission:
 * a deployment fault the caller cannot fix, logged at ERROR</td></tr>
 * <tr><td>{@link Throttled}</td><td>503 {@code unavailable}</td><td>try again later, as polyfn's other overload answers</td></tr>
 * <tr><td>{@link Failed}</td><td>500 {@code function_error}</td><td>anything else (a 5xx of the service, a network failure)</td></tr>
 * </table>
 */
public abstract sealed class StorageException extends FunctionStatusException {

	private StorageException(int status, String message, Throwable cause) {
		super(status, message);
		if (cause != null) {
			initCause(cause);
		}
	}

	/** How a key appears in a message: cut short, anything but printable ASCII shown as ?. */
	static String quoted(String key) {
		return "'" + CallerText.excerpt(key, 200) + "'";
	}

	public static final class NotFound extends StorageException {

		public NotFound(String storage, String key, Throwable cause) {
			super(404, "No object " + quoted(key) + " in storage '" + storage + "'", cause);
		}
	}

	public static final class AccessDenied extends StorageException {

		public AccessDenied(String storage, String key, Throwable cause) {
			super(500, "Storage '" + storage + "' denied access" + (key == null ? "" : " to " + quoted(key))
					+ ": the function's credentials lack a permission", cause);
		}
	}

	public static final class PreconditionFailed extends StorageException {

		public PreconditionFailed(String storage, String key, Throwable cause) {
			super(409, "The object " + quoted(key) + " in storage '" + storage
					+ "' is not in the state the write expected (it exists, or its etag changed)", cause);
		}
	}

	public static final class Throttled extends StorageException {

		public Throttled(String storage, Throwable cause) {
			super(503, "Storage '" + storage + "' is slowing requests down; try again later", cause);
		}
	}

	public static final class InvalidKey extends StorageException {

		public InvalidKey(String problem) {
			super(400, "The object key is refused: " + problem, null);
		}
	}

	public static final class TooLarge extends StorageException {

		public TooLarge(long size, long limit) {
			super(413, "The object has " + size + " bytes; the limit for reading it is " + limit, null);
		}
	}

	public static final class Failed extends StorageException {

		public Failed(String storage, String what, Throwable cause) {
			super(500, "Storage '" + storage + "' failed to " + what, cause);
		}
	}
}
