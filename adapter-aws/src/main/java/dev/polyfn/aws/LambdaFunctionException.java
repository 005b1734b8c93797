package dev.polyfn.aws;

import java.util.List;

import dev.polyfn.core.invoke.FunctionError;

/**
 * Fails a Lambda invocation of an event trigger, so that Lambda retries it (or sends it to its failure
 * destination) and reports {@code errorType} = this class and {@code errorMessage} = the status, code and
 * message of the {@link FunctionError}. Carries no stack trace: the function's own trace is in the logs.
 */
public class LambdaFunctionException extends RuntimeException {

	private final transient FunctionError error;
	private final List<String> failedEventIds;

	public LambdaFunctionException(FunctionError error) {
		this(error, List.of());
	}

	public LambdaFunctionException(FunctionError error, List<String> failedEventIds) {
		super(describe(error, failedEventIds), null, false, false);
		this.error = error;
		this.failedEventIds = List.copyOf(failedEventIds);
	}

	public FunctionError error() {
		return error;
	}

	/** The records that failed, for batch shapes; empty otherwise. */
	public List<String> failedEventIds() {
		return failedEventIds;
	}

	private static String describe(FunctionError error, List<String> failed) {
		String text = error.status() + " " + error.error() + ": " + error.message();
		return failed.isEmpty() ? text : text + " (failed records: " + String.join(", ", failed) + ")";
	}
}
