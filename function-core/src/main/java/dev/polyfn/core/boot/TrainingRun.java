package dev.polyfn.core.boot;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * A training run of the packaged web app for the JVM's ahead-of-time cache (JEP 483 and 514, JDK 25's
 * {@code -XX:AOTCacheOutput}): starts the app as {@link PolyfnServer} does, on a free loopback port, sends it what a
 * cold start's first requests make it load (the health probe, a JSON call and a binary-mode CloudEvent to a path
 * where no function exists, which runs the routing, the error contract and the response writing), stops it and
 * exits 0, so that the JVM writes the cache of the classes it loaded and linked. Nothing a function does runs: a
 * function's side effects (a bucket write, a message sent) have no place in a build.
 *
 * <p>The container package's Dockerfile runs it in its first stage, on the base image's own JVM, with the same
 * class path as the image's entrypoint (the cache is refused on any other).
 */
public final class TrainingRun {

	/** A path no function answers: the application's functions are never called in training. */
	static final String MISSING_FUNCTION_PATH = "/polyfn-training-no-such-function";

	private TrainingRun() {
	}

	public static void main(String[] args) throws IOException {
		int port;
		try (ServerSocket free = new ServerSocket(0)) {
			port = free.getLocalPort();
		}
		Map<String, Object> properties = new LinkedHashMap<>(PolyfnApplication.arguments(args));
		properties.put("server.port", String.valueOf(port));
		ClassLoader loader = TrainingRun.class.getClassLoader();
		PolyfnRuntime.selectLogging(loader, properties);
		int failures = 0;
		try (ConfigurableApplicationContext context = PolyfnApplication.serve(ApplicationClassLocator.locate(loader), properties)) {
			String base = "http://127.0.0.1:" + port;
			failures += expect(request(base + "/actuator/health", "GET", Map.of(), null), 200);
			// the error paths: what they answer is the contract's business (its tests), not the training's
			expect(request(base + MISSING_FUNCTION_PATH, "POST", Map.of("Content-Type", "application/json"),
					"{\"training\":true}"), 404);
			expect(request(base + MISSING_FUNCTION_PATH, "POST", Map.of("Content-Type", "application/json",
					"ce-specversion", "1.0", "ce-id", "training-1", "ce-source", "/polyfn/training", "ce-type",
					"dev.polyfn.training"), "{}"), 404);
		}
		System.out.println("[polyfn] training run " + (failures == 0 ? "done" : "failed: the app is not healthy"));
		// exit, not return: a library's non-daemon thread must not keep the build waiting for the cache; an app that
		// is not healthy fails the image build, as it would fail its first probe
		System.exit(failures == 0 ? 0 : 1);
	}

	private static int expect(int status, int expected) {
		if (status != expected) {
			System.out.println("[polyfn] training run: answered " + status + ", expected " + expected);
			return 1;
		}
		return 0;
	}

	private static int request(String url, String method, Map<String, String> headers, String body) throws IOException {
		HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
		connection.setRequestMethod(method);
		connection.setConnectTimeout(10_000);
		connection.setReadTimeout(60_000);
		headers.forEach(connection::setRequestProperty);
		if (body != null) {
			connection.setDoOutput(true);
			try (OutputStream out = connection.getOutputStream()) {
				out.write(body.getBytes(StandardCharsets.UTF_8));
			}
		}
		int status = connection.getResponseCode();
		try (InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream()) {
			if (in != null) {
				in.readAllBytes();
			}
		}
		connection.disconnect();
		return status;
	}
}
