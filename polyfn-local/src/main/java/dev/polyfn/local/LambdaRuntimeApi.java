package dev.polyfn.local;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The part of the AWS Lambda Runtime API (2018-06-01) a runtime interface client talks to, on 127.0.0.1: queued
 * invocations go out on {@code GET /2018-06-01/runtime/invocation/next} with the {@code Lambda-Runtime-*} headers,
 * and what comes back on {@code .../response}, {@code .../error} and {@code /init/error} completes the caller's
 * future. A {@code next} with nothing queued waits, as a frozen Lambda sandbox does, until an invocation is
 * queued or the API is closed.
 */
public final class LambdaRuntimeApi implements AutoCloseable {

	public static final String PREFIX = "/2018-06-01/runtime";

	public static final String DEFAULT_FUNCTION_ARN = "arn:aws:lambda:us-east-1:123456789012:function:polyfn-local";

	/**
	 * What the runtime client posted for one invocation (kind {@code response} or {@code error}) or for the init
	 * ({@code init-error}); {@code deliveredAtNanos} is when its {@code next} request took the invocation (0 for
	 * the init), {@code receivedAtNanos} when the answer arrived.
	 */
	public record Outcome(String kind, String body, Map<String, String> headers, long deliveredAtNanos,
			long receivedAtNanos) {

		public boolean isError() {
			return !kind.equals("response");
		}
	}

	private record Invocation(String requestId, byte[] payload) {
	}

	private final String functionArn;
	private final HttpServer server;
	private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
		Thread thread = new Thread(runnable, "lambda-runtime-api");
		thread.setDaemon(true);
		return thread;
	});
	private final HeldEvents<Invocation> pending = new HeldEvents<>();
	private final Map<String, CompletableFuture<Outcome>> outcomes = new ConcurrentHashMap<>();
	private final Map<String, Long> deliveredAt = new ConcurrentHashMap<>();
	private final CompletableFuture<Outcome> initError = new CompletableFuture<>();

	public LambdaRuntimeApi() throws IOException {
		this(DEFAULT_FUNCTION_ARN);
	}

	public LambdaRuntimeApi(String functionArn) throws IOException {
		this.functionArn = functionArn;
		server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
		server.setExecutor(threads);
		server.createContext(PREFIX + "/", this::serve);
		server.start();
	}

	/** {@code host:port} for {@code AWS_LAMBDA_RUNTIME_API}. */
	public String address() {
		return "127.0.0.1:" + server.getAddress().getPort();
	}

	/** Queues an invocation; the future completes when the runtime client posts its response or error. */
	public CompletableFuture<Outcome> invoke(byte[] payload) {
		String requestId = UUID.randomUUID().toString();
		CompletableFuture<Outcome> outcome = new CompletableFuture<>();
		outcomes.put(requestId, outcome);
		pending.add(new Invocation(requestId, payload));
		return outcome;
	}

	/** Completes when the runtime client reports that its init failed (the handler class did not load, ...). */
	public CompletableFuture<Outcome> initError() {
		return initError;
	}

	private void serve(HttpExchange exchange) throws IOException {
		try (exchange) {
			String path = exchange.getRequestURI().getPath().substring(PREFIX.length() + 1);
			if (exchange.getRequestMethod().equals("GET") && path.equals("invocation/next")) {
				next(exchange);
				return;
			}
			String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			Map<String, String> headers = new ConcurrentHashMap<>();
			exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), String.join(",", values)));
			long now = System.nanoTime();
			if (path.equals("init/error")) {
				initError.complete(new Outcome("init-error", body, headers, 0, now));
			}
			else if (path.startsWith("invocation/")) {
				String[] parts = path.split("/");
				CompletableFuture<Outcome> outcome = parts.length == 3 ? outcomes.remove(parts[1]) : null;
				if (outcome == null) {
					exchange.sendResponseHeaders(400, -1);
					return;
				}
				outcome.complete(new Outcome(parts[2], body, headers, deliveredAt.getOrDefault(parts[1], 0L), now));
			}
			exchange.sendResponseHeaders(202, -1);
		}
	}

	private void next(HttpExchange exchange) throws IOException {
		Invocation invocation = pending.next().orElse(null);
		if (invocation == null) {
			exchange.sendResponseHeaders(500, -1);
			return;
		}
		deliveredAt.put(invocation.requestId(), System.nanoTime());
		var headers = exchange.getResponseHeaders();
		headers.set("Lambda-Runtime-Aws-Request-Id", invocation.requestId());
		headers.set("Lambda-Runtime-Deadline-Ms", String.valueOf(System.currentTimeMillis() + Duration.ofMinutes(15).toMillis()));
		headers.set("Lambda-Runtime-Invoked-Function-Arn", functionArn);
		headers.set("Lambda-Runtime-Trace-Id", "Root=1-5bef4de7-ad49b0e87f6ef6c87fc2e700;Parent=9a9197af755a6419;Sampled=1");
		headers.set("Content-Type", "application/json");
		exchange.sendResponseHeaders(200, invocation.payload().length == 0 ? -1 : invocation.payload().length);
		exchange.getResponseBody().write(invocation.payload());
	}

	@Override
	public void close() {
		pending.close();
		server.stop(0);
		threads.shutdownNow();
	}
}
