package dev.polyfn.local;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * SCF's side of the Custom Runtime API on 127.0.0.1, which an event function's {@code bootstrap} talks to through
 * {@code SCF_RUNTIME_API} and {@code SCF_RUNTIME_API_PORT} (Tencent, "Custom Runtime", 583/47274, and its sample
 * bootstrap, 583/38130, checked 2026-12-02; the headers as Tencent-listed runtime clients read them,
 * stevapple/swift-tencent-scf-runtime SCFRuntimeClient.swift): {@code POST /runtime/init/ready} ends the
 * initialisation; {@code GET /runtime/invocation/next} is held until an event is queued and hands it out as the
 * body with {@code request_id}, {@code memory_limit_in_mb} and {@code time_limit_in_ms}; the runtime answers it on
 * {@code POST /runtime/invocation/response} or {@code /runtime/invocation/error}, which completes the caller's
 * future. The API takes one event at a time, as one SCF instance does.
 */
public final class ScfRuntimeApi implements AutoCloseable {

	/**
	 * What the runtime posted for one event ({@code error} for {@code /runtime/invocation/error});
	 * {@code deliveredAtNanos} is when {@code next} handed the event out, {@code receivedAtNanos} when the answer came.
	 */
	public record Outcome(boolean error, String body, String requestId, long deliveredAtNanos, long receivedAtNanos) {
	}

	private record Event(String requestId, byte[] body, CompletableFuture<Outcome> outcome) {
	}

	private final HttpServer server;
	private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
		Thread thread = new Thread(runnable, "scf-runtime-api");
		thread.setDaemon(true);
		return thread;
	});
	private final HeldEvents<Event> pending = new HeldEvents<>();
	private final AtomicReference<Event> current = new AtomicReference<>();
	private final AtomicReference<Long> deliveredAt = new AtomicReference<>(0L);
	private final CompletableFuture<Long> ready = new CompletableFuture<>();

	public ScfRuntimeApi() throws IOException {
		server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
		server.setExecutor(threads);
		server.createContext("/runtime/", this::serve);
		server.start();
	}

	/** {@code SCF_RUNTIME_API}. */
	public String host() {
		return "127.0.0.1";
	}

	/** {@code SCF_RUNTIME_API_PORT}. */
	public int port() {
		return server.getAddress().getPort();
	}

	/** Completes, with the time it came, when the runtime reports {@code /runtime/init/ready}. */
	public CompletableFuture<Long> ready() {
		return ready;
	}

	/** Queues an event; the future completes when the runtime posts its response or error. */
	public CompletableFuture<Outcome> invoke(byte[] event) {
		Event queued = new Event(UUID.randomUUID().toString(), event, new CompletableFuture<>());
		pending.add(queued);
		return queued.outcome();
	}

	private void serve(HttpExchange exchange) throws IOException {
		try (exchange) {
			String path = exchange.getRequestURI().getPath();
			if (exchange.getRequestMethod().equals("GET") && path.equals("/runtime/invocation/next")) {
				next(exchange);
				return;
			}
			String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			long now = System.nanoTime();
			switch (path) {
				case "/runtime/init/ready" -> ready.complete(now);
				case "/runtime/invocation/response", "/runtime/invocation/error" -> {
					Event answered = current.getAndSet(null);
					if (answered == null) {
						exchange.sendResponseHeaders(400, -1);
						return;
					}
					answered.outcome().complete(new Outcome(path.endsWith("/error"), body, answered.requestId(),
							deliveredAt.get(), now));
				}
				default -> {
					exchange.sendResponseHeaders(404, -1);
					return;
				}
			}
			exchange.sendResponseHeaders(200, -1);
		}
	}

	private void next(HttpExchange exchange) throws IOException {
		Event event = pending.next().orElse(null);
		if (event == null) {
			exchange.sendResponseHeaders(500, -1);
			return;
		}
		current.set(event);
		deliveredAt.set(System.nanoTime());
		var headers = exchange.getResponseHeaders();
		headers.set("request_id", event.requestId());
		headers.set("memory_limit_in_mb", "1024");
		headers.set("time_limit_in_ms", "30000");
		headers.set("Content-Type", "application/json");
		exchange.sendResponseHeaders(200, event.body().length == 0 ? -1 : event.body().length);
		exchange.getResponseBody().write(event.body());
	}

	@Override
	public void close() {
		pending.close();
		server.stop(0);
		threads.shutdownNow();
	}
}
