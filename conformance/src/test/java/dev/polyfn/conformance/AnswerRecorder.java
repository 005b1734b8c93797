package dev.polyfn.conformance;

import java.util.concurrent.atomic.AtomicReference;

/** The last answer {@code recordAnswer} saw; see {@link ConformanceFunctions#recordAnswer()}. */
public final class AnswerRecorder {

	private static final AtomicReference<String> LAST = new AtomicReference<>();

	private AnswerRecorder() {
	}

	static void record(String answer) {
		LAST.set(answer);
	}

	/** Forgets the last answer, so that a target reads only what its own invocation produced. */
	public static void clear() {
		LAST.set(null);
	}

	/** The answer recorded since the last {@link #clear()}, or null when the function chain did not get that far. */
	public static String last() {
		return LAST.get();
	}
}
