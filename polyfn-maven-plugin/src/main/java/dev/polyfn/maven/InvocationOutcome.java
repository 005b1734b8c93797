package dev.polyfn.maven;

/**
 * What a local invocation produced: the cloud's response exactly as it was sent back (HTTP status line and body, a
 * Lambda response document, ...), the function's own answer inside it where the cloud wraps one, whether the
 * platform would count it as failed, the function's log lines, and the times measured: cold start (runtime
 * process start to the answer) and the invocation itself (event handed over to the answer).
 */
record InvocationOutcome(String response, String functionAnswer, boolean failed, String log, double coldStartMillis,
		double invocationMillis) {
}
