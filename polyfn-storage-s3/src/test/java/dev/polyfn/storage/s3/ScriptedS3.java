package dev.polyfn.storage.s3;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import dev.polyfn.aws.client.AwsCredentials;
import dev.polyfn.aws.client.AwsCredentialsSource;
import dev.polyfn.aws.client.AwsHttpClient;

/**
 * A loopback server that answers S3 requests from a script, one answer per request in order, and records what came:
 * for the answers a real server does not give on cue (a lost answer, one 503, an error inside a 200). An answer of
 * {@link #DROP} reads the request and closes the connection without a word, as a network that loses the answer does.
 * A test registers one ({@code @RegisterExtension}); it runs for each test method, with an empty script.
 */
final class ScriptedS3 implements BeforeEachCallback, AfterEachCallback {

	record Answer(int status, Map<String, String> headers, String body) {
	}

	record Received(String method, URI uri, Map<String, List<String>> headers, byte[] body) {
	}

	static final Answer DROP = new Answer(-1, Map.of(), null);

	static final String ACCESS_KEY = "AKIDEXAMPLE";
	static final String SECRET_KEY = "polyfn-test-secret";

	private final Deque<Answer> script = new ArrayDeque<>();
	private final List<Received> received = new CopyOnWriteArrayList<>();
	private HttpServer server;

	@Override
	public void beforeEach(ExtensionContext context) throws IOException {
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/", this::handle);
		server.start();
	}

	@Override
	public void afterEach(ExtensionContext context) {
		server.stop(0);
		script.clear();
		received.clear();
	}

	static Answer answer(int status, Map<String, String> headers, String body) {
		return new Answer(status, headers, body);
	}

	static Answer error(int status, String code) {
		return new Answer(status, Map.of("Content-Type", "application/xml", "x-amz-request-id", "4442587FB7D0A2F9"),
				"<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>" + code + "</Code><Message>User arn:aws:sts::123456789012:"
						+ "assumed-role/fn is not allowed</Message><RequestId>4442587FB7D0A2F9</RequestId></Error>");
	}

	ScriptedS3 then(Answer answer) {
		synchronized (script) {
			script.add(answer);
		}
		return this;
	}

	List<Received> received() {
		return received;
	}

	/** A storage on this server, path style, bucket {@code b}, signed with a fixed key. */
	S3ObjectStorage storage() {
		AwsHttpClient http = new AwsHttpClient("s3", "us-east-1",
				AwsCredentialsSource.fixed(AwsCredentials.of(ACCESS_KEY, SECRET_KEY, null)), true, Duration.ofSeconds(5),
				Duration.ofSeconds(10));
		return new S3ObjectStorage(new S3Http(http, URI.create("http://127.0.0.1:" + server.getAddress().getPort()), true), "b",
				"uploads", S3ObjectStorage.DEFAULT_PART_SIZE);
	}

	private void handle(HttpExchange exchange) throws IOException {
		byte[] body = exchange.getRequestBody().readAllBytes();
		received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI(), Map.copyOf(exchange.getRequestHeaders()), body));
		Answer next;
		synchronized (script) {
			next = script.poll();
		}
		if (next == null) {
			next = error(500, "InternalError");
		}
		if (next == DROP) {
			exchange.close();
			return;
		}
		next.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
		byte[] answer = next.body() == null ? new byte[0] : next.body().getBytes(StandardCharsets.UTF_8);
		boolean head = "HEAD".equals(exchange.getRequestMethod());
		exchange.sendResponseHeaders(next.status(), head || answer.length == 0 ? -1 : answer.length);
		if (!head && answer.length > 0) {
			exchange.getResponseBody().write(answer);
		}
		exchange.close();
	}
}
