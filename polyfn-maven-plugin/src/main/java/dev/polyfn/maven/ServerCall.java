package dev.polyfn.maven;

import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;

import dev.polyfn.local.LocalServer;

/**
 * One request to a runtime that serves HTTP, once it listens: the cold start is its process start to the answer,
 * the invocation the request itself.
 */
final class ServerCall {

	private static final Duration START_LIMIT = Duration.ofMinutes(2);

	private ServerCall() {
	}

	static InvocationOutcome post(LocalServer server, String runtime, String path, byte[] body, Map<String, String> headers,
			Predicate<Http.Response> failed) throws Exception {
		if (!server.awaitListening(START_LIMIT)) {
			return new InvocationOutcome("(" + runtime + " did not listen within " + START_LIMIT.toSeconds() + " s)", null,
					true, server.process().log(), 0, 0);
		}
		long sent = System.nanoTime();
		Http.Response response = Http.post(server.url(path), body, headers);
		long received = System.nanoTime();
		return new InvocationOutcome(response.asText(), response.body(), failed.test(response), server.process().log(),
				(received - server.process().startedAtNanos()) / 1e6, (received - sent) / 1e6);
	}
}
