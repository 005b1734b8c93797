package dev.polyfn.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A local AWS Lambda Runtime API (2018-06-01) for one cold start: the first {@code GET .../invocation/next}
 * gets the event with the Lambda-Runtime-* headers the runtime interface client reads, the function's
 * {@code POST .../invocation/{id}/response} completes {@link #answer()} with the time it arrived; later
 * {@code next} calls wait (as on Lambda, where the sandbox is frozen) until the stub is closed.
 */
final class RuntimeApiStub implements AutoCloseable {

	static final String PREFIX = "/2018-06-01/runtime";

	/** The response or error the runtime posted, and when it arrived. */
	record Answer(long receivedNanos, boolean error, String body) {
	}

	private final HttpServer server;
	private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
		Thread thread = new Thread(r, "runtime-api-stub");
		thread.setDaemon(true);
		return thread;
	});
	private final byte[] event;
	private final String requestId = UUID.randomUUID().toString();
	private final CompletableFuture<Answer> answer = new CompletableFuture<>();
	private final CountDownLatch closed = new CountDownLatch(1);
	private boolean delivered;

	RuntimeApiStub(byte[] event) throws IOException {
		this.event = event;
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
		server.setExecutor(executor);
		server.createContext(PREFIX + "/invocation/next", this::next);
		server.createContext(PREFIX + "/invocation/", this::posted);
		server.createContext(PREFIX + "/init/error", this::posted);
		server.start();
	}

	/** host:port for AWS_LAMBDA_RUNTIME_API. */
	String address() {
		return "127.0.0.1:" + server.getAddress().getPort();
	}

	CompletableFuture<Answer> answer() {
		return answer;
	}

	private void next(HttpExchange exchange) throws IOException {
		boolean first;
		synchronized (this) {
			first = !delivered;
			delivered = true;
		}
		if (!first) {
			awaitClose();
			exchange.sendResponseHeaders(500, -1);
			exchange.close();
			return;
		}
		var headers = exchange.getResponseHeaders();
		headers.add("Content-Type", "application/json");
		headers.add("Lambda-Runtime-Aws-Request-Id", requestId);
		headers.add("Lambda-Runtime-Deadline-Ms", Long.toString(System.currentTimeMillis() + 60_000));
		headers.add("Lambda-Runtime-Invoked-Function-Arn", "arn:aws:lambda:us-east-1:123456789012:function:bench");
		headers.add("Lambda-Runtime-Trace-Id", "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=0");
		exchange.sendResponseHeaders(200, event.length);
		exchange.getResponseBody().write(event);
		exchange.close();
	}

	private void posted(HttpExchange exchange) throws IOException {
		String body;
		try (InputStream in = exchange.getRequestBody()) {
			body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		long now = System.nanoTime();
		String path = exchange.getRequestURI().getPath();
		boolean error = path.endsWith("/error");
		answer.complete(new Answer(now, error, body));
		exchange.sendResponseHeaders(202, -1);
		exchange.close();
	}

	private void awaitClose() {
		try {
			closed.await(120, TimeUnit.SECONDS);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public void close() {
		closed.countDown();
		server.stop(0);
		executor.shutdownNow();
	}
}
