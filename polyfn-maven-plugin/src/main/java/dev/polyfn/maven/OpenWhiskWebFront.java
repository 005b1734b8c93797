package dev.polyfn.maven;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import dev.polyfn.local.openwhisk.ControllerResponse;
import dev.polyfn.local.openwhisk.LocalActionRuntime;
import dev.polyfn.local.openwhisk.WebActionArguments;

/**
 * What the OpenWhisk controller does in front of a raw web action, for {@code polyfn:run -Dpolyfn.cloud=openwhisk}:
 * each request becomes the activation's {@code __ow_*} arguments ({@link WebActionArguments}, the function chosen by
 * {@code __ow_path} as {@code polyfn:invoke} chooses it), is run in the action container, and the result is answered
 * as the controller answers it ({@link ControllerResponse}); an activation that fails in the container is a 502, as
 * the controller answers a web action whose run failed. One activation at a time: an action container runs one
 * (the runtime's default concurrency of 1).
 */
final class OpenWhiskWebFront {

	/** One {@code /run} of the action container: the activation's body in, the proxy's answer out. */
	@FunctionalInterface
	interface Activation {
		LocalActionRuntime.Answer run(byte[] body) throws Exception;
	}

	private OpenWhiskWebFront() {
	}

	static HttpServer start(Activation activation, int port) throws IOException {
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
		Object oneAtATime = new Object();
		server.createContext("/", exchange -> {
			try (exchange) {
				String run = arguments(exchange);
				LocalActionRuntime.Answer answer;
				try {
					synchronized (oneAtATime) {
						answer = activation.run(run.getBytes(StandardCharsets.UTF_8));
					}
				}
				catch (Exception failed) {
					answer = null;
				}
				if (answer == null || answer.status() != 200) {
					exchange.sendResponseHeaders(502, -1);
					return;
				}
				ControllerResponse response = ControllerResponse.of(answer.body());
				response.headers().forEach((name, values) -> exchange.getResponseHeaders().put(name, values));
				exchange.sendResponseHeaders(response.status(), response.body().length == 0 ? -1 : response.body().length);
				exchange.getResponseBody().write(response.body());
			}
		});
		server.start();
		return server;
	}

	private static String arguments(HttpExchange exchange) throws IOException {
		byte[] body = exchange.getRequestBody().readAllBytes();
		Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		headers.putAll(exchange.getRequestHeaders());
		String path = exchange.getRequestURI().getRawPath();
		return WebActionArguments.of(exchange.getRequestMethod(), headers, exchange.getRequestHeaders().getFirst("Content-Type"), path,
				exchange.getRequestURI().getRawQuery(), body, "/guest/local" + path);
	}
}
