package dev.polyfn.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Warm per-call cost over uptime under the real runtime interface client: one JVM invoked many times in a row
 * (Lambda's flags, as in production), each call timed from the event leaving the Runtime API to the response
 * arriving, cut into windows in call order. A per-call cost that grows with uptime (the issue saw Micronaut's go
 * from 641 µs to 4.5 ms over 6,000 calls) shows as rising windows; a JIT warming up as falling ones.
 *
 * @param calls warm calls measured (after the cold one)
 * @param windows p50/p99 per window, in call order
 * @param wrongAnswers calls that answered an error or not the expected answer
 * @param failure why it could not be measured, or null
 */
record WarmCalls(int calls, List<Window> windows, int wrongAnswers, String failure) {

	/** One window of consecutive calls. */
	record Window(int firstCall, int lastCall, double p50Micros, double p99Micros) {
	}

	static WarmCalls failed(String why) {
		return new WarmCalls(0, List.of(), 0, why);
	}

	static WarmCalls of(long[] latenciesNanos, int windowCount, int wrongAnswers) {
		List<Window> windows = new ArrayList<>();
		int size = latenciesNanos.length / windowCount;
		for (int w = 0; w < windowCount && size > 0; w++) {
			long[] slice = Arrays.copyOfRange(latenciesNanos, w * size, (w + 1) * size);
			Arrays.sort(slice);
			windows.add(new Window(w * size + 1, (w + 1) * size, percentile(slice, 0.50) / 1000.0,
					percentile(slice, 0.99) / 1000.0));
		}
		return new WarmCalls(latenciesNanos.length, windows, wrongAnswers, null);
	}

	private static double percentile(long[] sorted, double p) {
		return sorted[Math.min(sorted.length - 1, (int) Math.floor(p * sorted.length))];
	}

	/** Last window's p50 over the first's: above 1 the call got slower with uptime. */
	double drift() {
		return windows.size() < 2 ? Double.NaN : windows.get(windows.size() - 1).p50Micros() / windows.get(0).p50Micros();
	}
}
