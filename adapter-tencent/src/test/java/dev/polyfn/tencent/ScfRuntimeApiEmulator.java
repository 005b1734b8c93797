package dev.polyfn.tencent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * SCF's side of the Custom Runtime API, as Tencent documents it (https://cloud.tencent.com/document/product/583/47274
 * and its sample bootstrap, 583/38130; checked 2026-12-01) and as Tencent-listed runtime clients speak it
 * (stevapple/swift-tencent-scf-runtime, Sources/TencentSCFRuntimeCore/SCFRuntimeClient.swift):
 * {@code POST /runtime/init/ready}; {@code GET /runtime/invocation/next} held until an event arrives, the event
 * as the body and {@code request_id}, {@code memory_limit_in_mb}, {@code time_limit_in_ms} as headers;
 * {@code POST /runtime/invocation/response} or {@code /runtime/invocation/error} with the outcome.
 */
final class ScfRuntimeApiEmulator implements AutoCloseable {

	/** What the runtime posted for one event: the response, or the error. */
	record Outcome(boolean error, String body) {
	}

	private final HttpServer server;
	private final ExecutorService threads = Executors.newCachedThreadPool();
	private final BlockingQueue<byte[]> events = new LinkedBlockingQueue<>();
	private final BlockingQueue<Outcome> outcomes = new LinkedBlockingQueue<>();
	private final CountDownLatch ready = new CountDownLatch(1);
	private final AtomicInteger requests = new AtomicInteger();

	ScfRuntimeApiEmulator() {
		try {
			server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		server.setExecutor(threads);
		server.createContext("/runtime/init/ready", exchange -> {
			exchange.getRequestBody().readAllBytes();
			ready.countDown();
			answer(exchange, 200, new byte[0]);
		});
		server.createContext("/runtime/invocation/next", this::next);
		server.createContext("/runtime/invocation/response", exchange -> outcome(exchange, false));
		server.createContext("/runtime/invocation/error", exchange -> outcome(exchange, true));
		server.start();
	}

	int port() {
		return server.getAddress().getPort();
	}

	boolean awaitReady(long seconds) throws InterruptedException {
		return ready.await(seconds, TimeUnit.SECONDS);
	}

	/** Hands the runtime one event and waits for what it posts back. */
	Outcome invoke(byte[] event) throws InterruptedException {
		events.put(event);
		Outcome outcome = outcomes.poll(60, TimeUnit.SECONDS);
		if (outcome == null) {
			throw new IllegalStateException("The runtime posted no response or error within 60 s");
		}
		return outcome;
	}

	private void next(HttpExchange exchange) throws IOException {
		try {
			byte[] event = events.take();
			exchange.getResponseHeaders().add("request_id", "req-" + requests.incrementAndGet());
			exchange.getResponseHeaders().add("memory_limit_in_mb", "1024");
			exchange.getResponseHeaders().add("time_limit_in_ms", "30000");
			answer(exchange, 200, event);
		}
		catch (InterruptedException stopping) {
			Thread.currentThread().interrupt();
			exchange.close();
		}
	}

	private void outcome(HttpExchange exchange, boolean error) throws IOException {
		byte[] body = exchange.getRequestBody().readAllBytes();
		outcomes.add(new Outcome(error, new String(body, StandardCharsets.UTF_8)));
		answer(exchange, 200, new byte[0]);
	}

	private static void answer(HttpExchange exchange, int status, byte[] body) throws IOException {
		exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
		if (body.length > 0) {
			exchange.getResponseBody().write(body);
		}
		exchange.close();
	}

	@Override
	public void close() {
		server.stop(0);
		threads.shutdownNow();
	}
}
