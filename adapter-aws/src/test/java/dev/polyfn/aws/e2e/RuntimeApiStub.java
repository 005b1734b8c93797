package dev.polyfn.aws.e2e;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The part of the Lambda Runtime API a runtime interface client talks to, served on 127.0.0.1: it hands out
 * queued invocations on {@code GET /2018-06-01/runtime/invocation/next} (with the {@code Lambda-Runtime-*}
 * headers) and collects what comes back on {@code .../response}, {@code .../error} and {@code /init/error}.
 */
final class RuntimeApiStub implements AutoCloseable {

	static final String FUNCTION_ARN = "arn:aws:lambda:eu-central-1:123456789012:function:polyfn-e2e";

	/** What the runtime client posted for one invocation (or for the init). */
	record Outcome(String kind, String body, Map<String, String> headers, long receivedAtNanos) {

		boolean isError() {
			return !kind.equals("response");
		}
	}

	private record Invocation(String requestId, byte[] payload) {
	}

	private final HttpServer server;
	private final ExecutorService threads = Executors.newCachedThreadPool();
	private final BlockingQueue<Invocation> pending = new LinkedBlockingQueue<>();
	private final Map<String, CompletableFuture<Outcome>> outcomes = new ConcurrentHashMap<>();
	private final CompletableFuture<Outcome> initError = new CompletableFuture<>();

	RuntimeApiStub() throws IOException {
		server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		server.setExecutor(threads);
		server.createContext("/2018-06-01/runtime/", this::serve);
		server.start();
	}

	/** {@code host:port} for AWS_LAMBDA_RUNTIME_API. */
	String address() {
		return "127.0.0.1:" + server.getAddress().getPort();
	}

	/** Queues an invocation; the future completes when the runtime client posts its response or error. */
	CompletableFuture<Outcome> invoke(byte[] payload) {
		String requestId = UUID.randomUUID().toString();
		CompletableFuture<Outcome> outcome = new CompletableFuture<>();
		outcomes.put(requestId, outcome);
		pending.add(new Invocation(requestId, payload));
		return outcome;
	}

	CompletableFuture<Outcome> initError() {
		return initError;
	}

	private void serve(HttpExchange exchange) throws IOException {
		try (exchange) {
			String path = exchange.getRequestURI().getPath().substring("/2018-06-01/runtime/".length());
			if (exchange.getRequestMethod().equals("GET") && path.equals("invocation/next")) {
				next(exchange);
				return;
			}
			String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			Map<String, String> headers = new ConcurrentHashMap<>();
			exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), String.join(",", values)));
			long now = System.nanoTime();
			if (path.equals("init/error")) {
				initError.complete(new Outcome("init-error", body, headers, now));
			}
			else if (path.startsWith("invocation/")) {
				String[] parts = path.split("/");
				CompletableFuture<Outcome> outcome = outcomes.get(parts[1]);
				if (outcome == null) {
					exchange.sendResponseHeaders(400, -1);
					return;
				}
				outcome.complete(new Outcome(parts[2], body, headers, now));
			}
			exchange.sendResponseHeaders(202, -1);
		}
	}

	private void next(HttpExchange exchange) throws IOException {
		Invocation invocation;
		try {
			invocation = pending.poll(5, TimeUnit.MINUTES);
		}
		catch (InterruptedException stopped) {
			Thread.currentThread().interrupt();
			return;
		}
		if (invocation == null) {
			exchange.sendResponseHeaders(500, -1);
			return;
		}
		var headers = exchange.getResponseHeaders();
		headers.set("Lambda-Runtime-Aws-Request-Id", invocation.requestId());
		headers.set("Lambda-Runtime-Deadline-Ms", String.valueOf(System.currentTimeMillis() + Duration.ofSeconds(30).toMillis()));
		headers.set("Lambda-Runtime-Invoked-Function-Arn", FUNCTION_ARN);
		headers.set("Lambda-Runtime-Trace-Id", "Root=1-5bef4de7-ad49b0e87f6ef6c87fc2e700;Parent=9a9197af755a6419;Sampled=1");
		headers.set("Content-Type", "application/json");
		exchange.sendResponseHeaders(200, invocation.payload().length);
		exchange.getResponseBody().write(invocation.payload());
	}

	@Override
	public void close() {
		server.stop(0);
		threads.shutdownNow();
	}
}
