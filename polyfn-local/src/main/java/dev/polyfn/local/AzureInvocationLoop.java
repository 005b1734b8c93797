package dev.polyfn.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A Java-worker instance for the benchmarks: one function of a staging folder loaded as the worker loads it
 * ({@link AzureFunctionCall.Entry}) and invoked with the same host request again and again. The first outcome is
 * printed as {@code answer: <json>} the moment it is ready (the harness takes that line as the end of the cold
 * start); then {@code <warm calls>} more invocations, each timed, their nanoseconds written one per line to
 * {@code <latencies file>} and {@code warm: <calls> <wrong answers>} printed. The process then waits for its
 * standard input to close, so that its memory can be read before it is stopped (as a platform reclaims an
 * instance).
 *
 * <p>Arguments: {@code <staging folder> <function name> <invocation request file> <warm calls> <latencies file>}.
 * Same class path as {@link AzureFunctionCall}.
 */
public final class AzureInvocationLoop {

	private AzureInvocationLoop() {
	}

	public static void main(String[] args) throws Exception {
		Map<String, Object> request = AzureFunctionCall.asMap(MiniJson.parse(Files.readString(Path.of(args[2]))));
		int warmCalls = Integer.parseInt(args[3]);
		AzureFunctionCall.Entry entry = AzureFunctionCall.Entry.load(Path.of(args[0]), args[1]);
		Map<String, Object> firstOutcome = entry.call(request);
		String first = answer(firstOutcome);
		System.out.println("answer: " + MiniJson.write(firstOutcome));
		System.out.flush();
		long[] nanos = new long[warmCalls];
		int wrong = 0;
		for (int i = 0; i < warmCalls; i++) {
			long started = System.nanoTime();
			Map<String, Object> outcome = entry.call(request);
			nanos[i] = System.nanoTime() - started;
			// the same request must keep getting the first answer (a cache or a leak that changes it is a wrong answer)
			if (!answer(outcome).equals(first)) {
				wrong++;
			}
		}
		StringBuilder lines = new StringBuilder();
		for (long n : nanos) {
			lines.append(n).append('\n');
		}
		Files.writeString(Path.of(args[4]), lines);
		System.out.println("warm: " + warmCalls + " " + wrong);
		System.out.flush();
		System.in.transferTo(java.io.OutputStream.nullOutputStream());
		System.exit(0);
	}

	/** Status and body: what must not change between calls (headers may carry the invocation id). */
	private static String answer(Map<String, Object> outcome) {
		Object http = outcome.get("http");
		return outcome.get("status") + " " + (http instanceof Map<?, ?> h ? h.get("statusCode") + " " + h.get("body")
				: String.valueOf(outcome.get("returnValue")));
	}
}
