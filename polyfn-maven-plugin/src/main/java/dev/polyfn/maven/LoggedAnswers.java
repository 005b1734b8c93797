package dev.polyfn.maven;

import java.util.List;
import java.util.Map;

/**
 * The answers a function logs on function-core's {@code dev.polyfn.answers} logger at DEBUG
 * ({@code Function 'name' answered 200 [requestId=...]: <body>}): where an event invocation shows what the
 * function answered on the clouds that return it to no one (Cloud Run functions' CloudEvents functions and Azure's
 * event triggers answer with a status, or nothing, only).
 */
final class LoggedAnswers {

	static final String LOGGER = "dev.polyfn.answers";

	/** What the runtime's environment gets so that the function logs its answers. */
	static final Map<String, String> ENVIRONMENT = Map.of("LOGGING_LEVEL_DEV_POLYFN_ANSWERS", "DEBUG");

	private LoggedAnswers() {
	}

	/** The last answer {@code function} logged, or null when it logged none. */
	static String last(String log, String function) {
		String marker = "Function '" + function + "' answered ";
		List<String> lines = log.lines().filter(line -> line.contains(marker)).toList();
		if (lines.isEmpty()) {
			return null;
		}
		String line = lines.get(lines.size() - 1);
		int body = line.indexOf("]: ", line.indexOf(marker));
		return body < 0 ? null : line.substring(body + 3);
	}
}
