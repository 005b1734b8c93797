package dev.polyfn.core.invoke;

/** Carries a {@link FunctionError} through the pipeline; adapters turn it into their cloud's error shape. */
public class FunctionFailure extends RuntimeException {

	private final FunctionError error;

	public FunctionFailure(FunctionError error) {
		this(error, null);
	}

	public FunctionFailure(FunctionError error, Throwable cause) {
		super(error.message(), cause, false, false);
		this.error = error;
	}

	public FunctionError error() {
		return error;
	}
}
