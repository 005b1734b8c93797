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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A local AWS Lambda Runtime API (2018-06-01): each {@code GET .../invocation/next} gets the event with the
 * Lambda-Runtime-* headers the runtime interface client reads, until {@code invocations} events were handed out;
 * the function's {@code POST .../invocation/{id}/response} is timed. The first answer completes {@link #answer()}
 * (the cold start); with more invocations, {@link #latenciesNanos()} holds each later one's time from event sent
 * to response received, the warm per-call cost as the Runtime API sees it. After the last event, {@code next}
 * waits (as on Lambda, where the sandbox is frozen) until the stub is closed.
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
	private final int invocations;
	private final Predicate<String> correct;
	private final String runId = UUID.randomUUID().toString();
	private final long[] sentNanos;
	private final long[] latenciesNanos;
	private final AtomicInteger handedOut = new AtomicInteger();
	private final AtomicInteger answered = new AtomicInteger();
	private final AtomicInteger wrong = new AtomicInteger();
	private final CompletableFuture<Answer> answer = new CompletableFuture<>();
	private final CompletableFuture<Answer> lastAnswer = new CompletableFuture<>();
	private final CountDownLatch closed = new CountDownLatch(1);

	/** One invocation: the cold start. */
	RuntimeApiStub(byte[] event) throws IOException {
		this(event, 1, body -> true);
	}

	/** {@code invocations} in a row; {@code correct} checks every answer after the first. */
	RuntimeApiStub(byte[] event, int invocations, Predicate<String> correct) throws IOException {
		this.event = event;
		this.invocations = invocations;
		this.correct = correct;
		this.sentNanos = new long[invocations];
		this.latenciesNanos = new long[invocations - 1];
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

	/** The first answer (the cold start's). */
	CompletableFuture<Answer> answer() {
		return answer;
	}

	/** The last invocation's answer: all invocations are done. */
	CompletableFuture<Answer> lastAnswer() {
		return lastAnswer;
	}

	/** Event sent → response received, for invocations 2..n in order (valid once {@link #lastAnswer()} is done). */
	long[] latenciesNanos() {
		return latenciesNanos.clone();
	}

	/** Later answers that were errors or not the expected answer. */
	int wrongAnswers() {
		return wrong.get();
	}

	private void next(HttpExchange exchange) throws IOException {
		int index = handedOut.getAndIncrement();
		if (index >= invocations) {
			awaitClose();
			exchange.sendResponseHeaders(500, -1);
			exchange.close();
			return;
		}
		var headers = exchange.getResponseHeaders();
		headers.add("Content-Type", "application/json");
		headers.add("Lambda-Runtime-Aws-Request-Id", runId + "-" + index);
		headers.add("Lambda-Runtime-Deadline-Ms", Long.toString(System.currentTimeMillis() + 60_000));
		headers.add("Lambda-Runtime-Invoked-Function-Arn", "arn:aws:lambda:us-east-1:123456789012:function:bench");
		headers.add("Lambda-Runtime-Trace-Id", "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=0");
		sentNanos[index] = System.nanoTime();
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
		exchange.sendResponseHeaders(202, -1);
		exchange.close();
		int index = indexOf(path);
		Answer received = new Answer(now, error, body);
		if (index <= 0) {
			answer.complete(received);
		}
		else {
			latenciesNanos[index - 1] = now - sentNanos[index];
			if (error || !correct.test(body)) {
				wrong.incrementAndGet();
			}
		}
		if (answered.incrementAndGet() >= invocations || index < 0) {
			lastAnswer.complete(received);
		}
	}

	/** The invocation number from .../invocation/{runId}-{n}/response; -1 for an init error. */
	private int indexOf(String path) {
		int start = path.indexOf(runId + "-");
		if (start < 0) {
			return -1;
		}
		start += runId.length() + 1;
		int end = path.indexOf('/', start);
		return Integer.parseInt(path.substring(start, end < 0 ? path.length() : end));
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
