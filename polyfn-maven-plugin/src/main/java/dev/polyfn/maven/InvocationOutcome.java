package dev.polyfn.maven;

/**
 * What a local invocation produced: the cloud's response exactly as it was sent back (HTTP status line and body, a
 * Lambda response document, ...), the function's own answer inside it where the cloud wraps one, whether the
 * platform would count it as failed, the function's log lines, and the times measured: cold start (runtime
 * process start to the answer) and the invocation itself (event handed over to the answer). {@code answerSource}
 * says where the answer shown beside the response comes from when it is not inside the response.
 */
record InvocationOutcome(String response, String functionAnswer, boolean failed, String log, double coldStartMillis,
		double invocationMillis, String answerSource) {

	static final String INSIDE_THE_RESPONSE = "function answer";

	InvocationOutcome(String response, String functionAnswer, boolean failed, String log, double coldStartMillis,
			double invocationMillis) {
		this(response, functionAnswer, failed, log, coldStartMillis, invocationMillis, INSIDE_THE_RESPONSE);
	}

	/**
	 * An event function's answer, which the cloud returns to no caller (a CloudEvents function, a blob trigger),
	 * as the function logged it ({@link LoggedAnswers}); the outcome as it was when the function logged none.
	 */
	InvocationOutcome withLoggedAnswer(String function) {
		String logged = LoggedAnswers.last(log, function);
		return logged == null ? this : new InvocationOutcome(response, logged, failed, log, coldStartMillis,
				invocationMillis, "function answer (from its log: " + LoggedAnswers.LOGGER + " at DEBUG)");
	}
}
