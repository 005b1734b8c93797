package dev.polyfn.core.messaging;

import dev.polyfn.core.FunctionStatusException;

/**
 * A publish that failed, typed the same on every cloud so that a function can tell what happened without a cloud
 * SDK's exceptions. Each is a {@link FunctionStatusException}: one that the function lets through answers in the
 * error contract, and in a batch-triggered function it marks that message failed so the cloud delivers it again.
 * The message names the alias, never the real destination, credentials or the service's own error text; the
 * service's exception is the cause, for the log.
 *
 * <table>
 * <tr><th>failure</th><th>status</th><th>why that status</th></tr>
 * <tr><td>{@link NotFound}</td><td>500 {@code function_error}</td><td>the queue or topic is not there: a deployment fault, not the caller's</td></tr>
 * <tr><td>{@link AccessDenied}</td><td>500 {@code function_error}</td><td>the function's role or key lacks the permission to send</td></tr>
 * <tr><td>{@link TooLarge}</td><td>413 {@code payload_too_large}</td><td>past the service's message size limit, checked before sending</td></tr>
 * <tr><td>{@link Throttled}</td><td>503 {@code unavailable}</td><td>try again later, as polyfn's other overload answers</td></tr>
 * <tr><td>{@link Failed}</td><td>500 {@code function_error}</td><td>anything else (a 5xx of the service, a network failure)</td></tr>
 * </table>
 */
public abstract sealed class MessagingException extends FunctionStatusException {

	private final String destination;

	private MessagingException(int status, String destination, String message, Throwable cause) {
		super(status, message);
		this.destination = destination;
		if (cause != null) {
			initCause(cause);
		}
	}

	/** The alias the publish went to. */
	public String destination() {
		return destination;
	}

	public static final class NotFound extends MessagingException {

		public NotFound(String destination, Throwable cause) {
			super(500, destination, "Messaging destination '" + destination + "' does not exist (or is not visible to the function's credentials)", cause);
		}
	}

	public static final class AccessDenied extends MessagingException {

		public AccessDenied(String destination, Throwable cause) {
			super(500, destination, "Messaging destination '" + destination + "' denied the publish: the function's credentials lack a permission", cause);
		}
	}

	public static final class TooLarge extends MessagingException {

		public TooLarge(String destination, long size, long limit) {
			super(413, destination, "The message for '" + destination + "' has " + size + " bytes; that service takes at most " + limit, null);
		}
	}

	public static final class Throttled extends MessagingException {

		public Throttled(String destination, Throwable cause) {
			super(503, destination, "Messaging destination '" + destination + "' is slowing publishes down; try again later", cause);
		}
	}

	public static final class Failed extends MessagingException {

		public Failed(String destination, String what, Throwable cause) {
			super(500, destination, "Publishing to '" + destination + "' failed" + (what == null ? "" : ": " + what), cause);
		}
	}
}
