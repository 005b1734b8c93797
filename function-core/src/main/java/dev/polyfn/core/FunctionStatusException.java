package dev.polyfn.core;

/**
 * Thrown by a function to answer with a specific status (404, 409, 422, ...) without knowing any cloud.
 * The message is shown to the caller, so keep secrets out of it.
 */
public class FunctionStatusException extends RuntimeException {

	private final int status;

	public FunctionStatusException(int status, String message) {
		super(message);
		if (status < 400 || status > 599) {
			throw new IllegalArgumentException("An error status is 4xx or 5xx, not " + status);
		}
		this.status = status;
	}

	public int status() {
		return status;
	}
}
