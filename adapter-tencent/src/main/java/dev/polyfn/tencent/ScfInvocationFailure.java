package dev.polyfn.tencent;

/**
 * Fails an SCF invocation so the platform reports it and retries asynchronous triggers (COS, timer, CKafka,
 * CMQ). The message names the function, the failed records and why; the stack trace is left out because it
 * would only show polyfn's dispatch, not the function's code (the function's own failure is logged with its trace).
 */
public final class ScfInvocationFailure extends RuntimeException {

	public ScfInvocationFailure(String message) {
		super(message, null, false, false);
	}
}
