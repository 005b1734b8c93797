package dev.polyfn.azure;

import dev.polyfn.core.invoke.FunctionError;

/**
 * Thrown from a queue, blob or timer entry point when the function failed, so that the Functions host marks
 * the invocation failed and retries it (queue messages go to {@code <queue>-poison} after the last attempt).
 * Carries the shared error, never a stack trace of the function: that was logged where it happened.
 */
public final class AzureEventFailure extends RuntimeException {

	private final transient FunctionError error;

	public AzureEventFailure(String azureFunctionName, String invocationId, FunctionError error) {
		super("Function '" + azureFunctionName + "' failed with " + error.status() + " " + error.error() + ": "
				+ error.message() + " [invocation " + invocationId + "]", null, false, false);
		this.error = error;
	}

	public FunctionError error() {
		return error;
	}
}
