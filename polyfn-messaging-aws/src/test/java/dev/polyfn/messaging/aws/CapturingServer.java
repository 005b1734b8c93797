package dev.polyfn.messaging.aws;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;

/** A loopback endpoint that keeps every request it gets and answers each with one fixed document. */
final class CapturingServer implements AutoCloseable {

	/** One request as it arrived. */
	record Captured(String method, String path, Headers headers, byte[] body) {

		String header(String name) {
			return headers.getFirst(name);
		}

		String text() {
			return new String(body, StandardCharsets.UTF_8);
		}
	}

	private final HttpServer server;
	private final List<Captured> requests = new CopyOnWriteArrayList<>();
	private volatile String contentType = "application/json";
	private volatile String answer = "{}";

	private CapturingServer(HttpServer server) {
		this.server = server;
	}

	static CapturingServer start() throws IOException {
		CapturingServer capturing = new CapturingServer(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0));
		capturing.server.createContext("/", exchange -> {
			try (exchange) {
				capturing.requests.add(new Captured(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
						exchange.getRequestHeaders(), exchange.getRequestBody().readAllBytes()));
				byte[] body = capturing.answer.getBytes(StandardCharsets.UTF_8);
				exchange.getResponseHeaders().add("Content-Type", capturing.contentType);
				exchange.sendResponseHeaders(200, body.length);
				try (OutputStream out = exchange.getResponseBody()) {
					out.write(body);
				}
			}
		});
		capturing.server.start();
		return capturing;
	}

	String endpoint() {
		return "http://127.0.0.1:" + server.getAddress().getPort();
	}

	/** From now on every request is answered 200 with this document. */
	void answer(String contentType, String document) {
		this.contentType = contentType;
		this.answer = document;
	}

	Captured last() {
		return requests.get(requests.size() - 1);
	}


	@Override
	public void close() {
		server.stop(0);
	}
}
