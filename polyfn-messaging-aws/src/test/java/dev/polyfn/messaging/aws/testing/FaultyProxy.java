package dev.polyfn.messaging.aws.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A loopback HTTP proxy in front of moto that passes every call through, except, while armed, SQS {@code SendMessage}
 * calls whose request carries a marker (an order id): those get {@code 502 Bad Gateway}, what a load balancer or
 * gateway answers when the service behind it did not. The client retries a 502 and gives up after its attempts, so
 * the publish fails as one does when the network between a function and SQS fails for a while. Disarmed, the same
 * message goes through: what a redelivery meets. It can also answer the next calls of an action with an error of the
 * service's own (a throttling answer, which moto never gives), then pass the rest through.
 */
public final class FaultyProxy implements AutoCloseable {

	private static final Set<String> HOP_BY_HOP = Set.of("host", "connection", "content-length", "transfer-encoding",
			"expect", "upgrade", "keep-alive");

	private final HttpServer server;
	private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
	private final String target;
	private final AtomicInteger failed = new AtomicInteger();
	private volatile String marker;
	private volatile Scripted scripted;

	/** An error answer given to the next {@code times} calls of one action. */
	private record Scripted(String action, AtomicInteger left, int status, Map<String, String> headers, String body) {
	}

	private FaultyProxy(HttpServer server, String target) {
		this.server = server;
		this.target = target;
	}

	/** Started on 127.0.0.1 and a free port, forwarding to {@code target} (e.g. moto's endpoint). */
	public static FaultyProxy start(String target) throws IOException {
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		FaultyProxy proxy = new FaultyProxy(server, target);
		server.createContext("/", proxy::handle);
		server.setExecutor(Executors.newFixedThreadPool(4));
		server.start();
		return proxy;
	}

	public String endpoint() {
		return "http://127.0.0.1:" + server.getAddress().getPort();
	}

	/** From now on, every SendMessage whose request contains {@code marker} fails. */
	public void failSendMessagesContaining(String marker) {
		this.marker = marker;
	}

	/**
	 * The next {@code times} calls of {@code action} (SQS's {@code X-Amz-Target} without its prefix, or SNS's
	 * {@code Action} form parameter) get this answer instead of moto's; the calls after them pass through.
	 */
	public void answerNext(String action, int times, int status, Map<String, String> headers, String body) {
		this.scripted = new Scripted(action, new AtomicInteger(times), status, Map.copyOf(headers), body);
	}

	/** Passes everything through again. */
	public void heal() {
		this.marker = null;
		this.scripted = null;
	}

	/** How many calls it failed (or answered with a scripted error) so far. */
	public int failedCalls() {
		return failed.get();
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			byte[] body;
			try (InputStream in = exchange.getRequestBody()) {
				body = in.readAllBytes();
			}
			String action = exchange.getRequestHeaders().getFirst("X-Amz-Target");
			String armed = marker;
			if (armed != null && "AmazonSQS.SendMessage".equals(action)
					&& new String(body, StandardCharsets.UTF_8).contains(armed)) {
				failed.incrementAndGet();
				answer(exchange, 502, "Bad Gateway");
				return;
			}
			Scripted next = scripted;
			if (next != null && next.action().equals(action(action, body)) && next.left().getAndDecrement() > 0) {
				failed.incrementAndGet();
				next.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
				answer(exchange, next.status(), next.body());
				return;
			}
			forward(exchange, body);
		}
	}

	/** SQS names its action in X-Amz-Target ({@code AmazonSQS.SendMessageBatch}), SNS in the form's first parameters. */
	private static String action(String target, byte[] body) {
		if (target != null) {
			return target.substring(target.indexOf('.') + 1);
		}
		for (String parameter : new String(body, StandardCharsets.UTF_8).split("&")) {
			if (parameter.startsWith("Action=")) {
				return parameter.substring("Action=".length());
			}
		}
		return null;
	}

	private static void answer(HttpExchange exchange, int status, String text) throws IOException {
		byte[] answer = text.getBytes(StandardCharsets.UTF_8);
		exchange.sendResponseHeaders(status, answer.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(answer);
		}
	}

	private void forward(HttpExchange exchange, byte[] body) throws IOException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target + exchange.getRequestURI()))
			.method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
		exchange.getRequestHeaders().forEach((name, values) -> {
			if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT))) {
				values.forEach(value -> request.header(name, value));
			}
		});
		HttpResponse<byte[]> response;
		try {
			response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (InterruptedException interrupted) {
			Thread.currentThread().interrupt();
			throw new IOException(interrupted);
		}
		response.headers().map().forEach((name, values) -> {
			if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
				exchange.getResponseHeaders().put(name, List.copyOf(values));
			}
		});
		byte[] answer = response.body();
		exchange.sendResponseHeaders(response.statusCode(), answer.length == 0 ? -1 : answer.length);
		if (answer.length > 0) {
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(answer);
			}
		}
	}

	@Override
	public void close() {
		server.stop(0);
		((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
	}
}
