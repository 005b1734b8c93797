package dev.polyfn.core.http.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;

import dev.polyfn.core.http.HttpLimits;
import dev.polyfn.core.model.PortableHttpResponse;
import dev.polyfn.core.testing.RawHttp;
import dev.polyfn.core.testing.RawHttp.Answer;

class HttpFrontTest {

	private static final HttpLimits LIMITS = new HttpLimits(Duration.ofMillis(500), Duration.ofMillis(500),
			Duration.ofSeconds(5), 20, 4096, 256, 1024, 2, 4, 300, Duration.ofSeconds(5));

	private final List<HttpFront> started = new ArrayList<>();
	private final CountDownLatch release = new CountDownLatch(1);

	@AfterEach
	void stopAll() {
		release.countDown();
		started.forEach(HttpFront::stop);
	}

	private int start(HttpLimits limits, HttpFront.Handler handler) throws Exception {
		HttpFront front = new HttpFront(limits, handler);
		front.start("127.0.0.1", 0);
		started.add(front);
		return front.port();
	}

	private int reverseServer() throws Exception {
		return start(LIMITS, request -> PortableHttpResponse.text(200,
				new StringBuilder(request.bodyAsString()).reverse().toString()));
	}

	private static String post(String path, String body) {
		return "POST " + path + " HTTP/1.1\r\nHost: t\r\nContent-Length: " + body.length() + "\r\n\r\n" + body;
	}

	@Test
	void serves_a_request_with_a_reason_phrase_in_the_status_line() throws Exception {
		int port = start(LIMITS, request -> PortableHttpResponse.text(422, "no"));

		Answer answer = RawHttp.exchange(port, post("/x", "abc"));

		assertThat(answer.statusLine()).isEqualTo("HTTP/1.1 422 Unprocessable Content");
	}

	@Test
	void clients_that_sent_one_byte_hold_no_worker() throws Exception {
		int port = reverseServer();
		List<Socket> slow = new ArrayList<>();
		try {
			for (int i = 0; i < 100; i++) {
				Socket socket = RawHttp.open(port, 5000);
				socket.getOutputStream().write('P');
				slow.add(socket);
			}
			long start = System.nanoTime();

			Answer answer = RawHttp.exchange(port, post("/reverse", "hello"));

			assertThat(answer.body()).isEqualTo("olleh");
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
		}
		finally {
			for (Socket socket : slow) {
				socket.close();
			}
		}
	}

	@Test
	void headers_that_do_not_arrive_in_time_get_408_in_the_error_contract() throws Exception {
		int port = reverseServer();
		try (Socket socket = RawHttp.open(port, 5000)) {
			socket.getOutputStream().write("POST /reverse HTTP/1.1\r\nHost:".getBytes(StandardCharsets.ISO_8859_1));

			Answer answer = RawHttp.read(socket.getInputStream());

			assertThat(answer.status()).isEqualTo(408);
			assertThat(answer.body()).startsWith("{\"error\":\"timeout\"");
		}
	}

	static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> protocolErrors() {
		return java.util.stream.Stream.of(
			org.junit.jupiter.params.provider.Arguments.of("bad chunk size", "POST /r HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nab\r\n0\r\n\r\n", 400),
			org.junit.jupiter.params.provider.Arguments.of("duplicate Content-Length", "POST /r HTTP/1.1\r\nHost: t\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\nab", 400),
			org.junit.jupiter.params.provider.Arguments.of("gzip transfer coding", "POST /r HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: gzip\r\n\r\nab", 400),
			org.junit.jupiter.params.provider.Arguments.of("Content-Length and chunked", "POST /r HTTP/1.1\r\nHost: t\r\nContent-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\nab", 400),
			org.junit.jupiter.params.provider.Arguments.of("folded header", "GET /r HTTP/1.1\r\nHost: t\r\nX-A: 1\r\n 2\r\n\r\n", 400),
			org.junit.jupiter.params.provider.Arguments.of("space before colon", "GET /r HTTP/1.1\r\nHost : t\r\n\r\n", 400),
			org.junit.jupiter.params.provider.Arguments.of("unsupported version", "GET /r HTTP/2.0\r\nHost: t\r\n\r\n", 400),
			org.junit.jupiter.params.provider.Arguments.of("bad percent", "GET /a%zz HTTP/1.1\r\nHost: t\r\n\r\n", 400),
			org.junit.jupiter.params.provider.Arguments.of("not origin form", "CONNECT example.com:443 HTTP/1.1\r\nHost: t\r\n\r\n", 400),
			org.junit.jupiter.params.provider.Arguments.of("unknown expectation", "POST /r HTTP/1.1\r\nHost: t\r\nExpect: magic\r\nContent-Length: 1\r\n\r\na", 417),
			org.junit.jupiter.params.provider.Arguments.of("declared body over the limit", "POST /r HTTP/1.1\r\nHost: t\r\nContent-Length: 5000\r\n\r\n", 413));
	}

	@ParameterizedTest(name = "{0}")
	@org.junit.jupiter.params.provider.MethodSource("protocolErrors")
	void protocol_errors_are_answered_in_the_json_contract(String what, String request, int status) throws Exception {
		int port = reverseServer();

		Answer answer = RawHttp.exchange(port, request);

		assertThat(answer.status()).as(what).isEqualTo(status);
		assertThat(answer.header("Content-Type")).isEqualTo("application/json");
		assertThat(answer.body()).startsWith("{\"error\":").contains("\"message\":");
	}

	@Test
	void too_many_headers_is_431() throws Exception {
		int port = reverseServer();
		String headers = "X-A: 1\r\n".repeat(21);

		Answer answer = RawHttp.exchange(port, "GET /r HTTP/1.1\r\nHost: t\r\n" + headers + "\r\n");

		assertThat(answer.status()).isEqualTo(431);
		assertThat(answer.body()).contains("headers_too_large");
	}

	@Test
	void a_long_url_is_414() throws Exception {
		int port = reverseServer();

		Answer answer = RawHttp.exchange(port, "GET /" + "a".repeat(300) + " HTTP/1.1\r\nHost: t\r\n\r\n");

		assertThat(answer.status()).isEqualTo(414);
	}

	@Test
	void a_raw_pipe_in_the_path_is_accepted() throws Exception {
		int port = start(LIMITS, request -> PortableHttpResponse.text(200, request.path()));

		assertThat(RawHttp.exchange(port, post("/a|b", "x")).body()).isEqualTo("/a|b");
	}

	@Test
	void expect_continue_over_the_limit_is_413_without_100_continue() throws Exception {
		int port = reverseServer();
		try (Socket socket = RawHttp.open(port, 5000)) {
			socket.getOutputStream().write(("POST /r HTTP/1.1\r\nHost: t\r\nExpect: 100-continue\r\nContent-Length: 50000000\r\n\r\n")
					.getBytes(StandardCharsets.ISO_8859_1));
			String first = new String(socket.getInputStream().readNBytes(12), StandardCharsets.ISO_8859_1);

			assertThat(first).isEqualTo("HTTP/1.1 413");
		}
	}

	@Test
	void expect_continue_within_the_limit_gets_100_then_the_answer() throws Exception {
		int port = reverseServer();
		try (Socket socket = RawHttp.open(port, 5000)) {
			OutputStream out = socket.getOutputStream();
			out.write("POST /r HTTP/1.1\r\nHost: t\r\nExpect: 100-continue\r\nContent-Length: 3\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
			String first = new String(socket.getInputStream().readNBytes(25), StandardCharsets.ISO_8859_1);
			out.write("abc".getBytes(StandardCharsets.ISO_8859_1));

			assertThat(first).isEqualTo("HTTP/1.1 100 Continue\r\n\r\n");
			assertThat(RawHttp.read(socket.getInputStream()).body()).isEqualTo("cba");
		}
	}

	@Test
	void chunked_body_over_the_limit_names_the_limit() throws Exception {
		int port = reverseServer();
		String chunk = "a".repeat(800);
		String request = "POST /r HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n" + "320\r\n" + chunk + "\r\n"
				+ "320\r\n" + chunk + "\r\n0\r\n\r\n";

		Answer answer = RawHttp.exchange(port, request);

		assertThat(answer.status()).isEqualTo(413);
		assertThat(answer.body()).contains("longer than 1024 bytes");
	}

	@Test
	void chunked_body_is_decoded() throws Exception {
		int port = reverseServer();

		Answer answer = RawHttp.exchange(port,
				"POST /r HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n3;ext=1\r\nabc\r\n2\r\nde\r\n0\r\nX-T: 1\r\n\r\n");

		assertThat(answer.body()).isEqualTo("edcba");
	}

	@Test
	void keep_alive_serves_pipelined_requests_in_order() throws Exception {
		int port = reverseServer();
		try (Socket socket = RawHttp.open(port, 5000)) {
			socket.getOutputStream().write((post("/r", "ab") + post("/r", "cd")).getBytes(StandardCharsets.ISO_8859_1));

			assertThat(RawHttp.read(socket.getInputStream()).body()).isEqualTo("ba");
			assertThat(RawHttp.read(socket.getInputStream()).body()).isEqualTo("dc");
		}
	}

	@Test
	void a_full_work_queue_answers_503_with_retry_after() throws Exception {
		HttpLimits oneWorker = new HttpLimits(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(5), 20,
				4096, 256, 1024, 1, 1, 300, Duration.ofSeconds(5));
		int port = start(oneWorker, request -> {
			await(release);
			return PortableHttpResponse.text(200, "done");
		});
		List<CompletableFuture<Answer>> busy = new ArrayList<>();
		for (int i = 0; i < 2; i++) {
			busy.add(CompletableFuture.supplyAsync(() -> exchangeQuietly(port, post("/r", "x"))));
		}
		Thread.sleep(300);

		Answer refused = RawHttp.exchange(port, post("/r", "x"));
		release.countDown();

		assertThat(refused.status()).isEqualTo(503);
		assertThat(refused.header("Retry-After")).isEqualTo("1");
		assertThat(refused.body()).contains("\"error\":\"unavailable\"");
		assertThat(busy).allSatisfy(f -> assertThat(f.join().body()).isEqualTo("done"));
	}

	@Test
	void stop_lets_in_flight_requests_finish_and_refuses_new_ones() throws Exception {
		CountDownLatch running = new CountDownLatch(1);
		HttpFront front = new HttpFront(LIMITS, request -> {
			running.countDown();
			await(release);
			return PortableHttpResponse.text(200, "finished");
		});
		front.start("127.0.0.1", 0);
		int port = front.port();
		CompletableFuture<Answer> inFlight = CompletableFuture.supplyAsync(() -> exchangeQuietly(port, post("/r", "x")));
		assertThat(running.await(5, TimeUnit.SECONDS)).isTrue();

		CompletableFuture<Void> stopping = CompletableFuture.runAsync(front::stop);
		Thread.sleep(300);
		Answer late = exchangeQuietly(port, post("/r", "x"));
		release.countDown();
		stopping.get(10, TimeUnit.SECONDS);

		assertThat(inFlight.join().body()).isEqualTo("finished");
		assertThat(inFlight.join().header("Connection")).isEqualTo("close");
		assertThat(late.status()).as("connection refused once the listener is closed").isEqualTo(-1);
	}

	@Test
	void requests_half_sent_before_stop_are_served_even_if_the_server_had_not_read_them_yet() throws Exception {
		HttpFront front = new HttpFront(LIMITS, request -> PortableHttpResponse.text(200,
				new StringBuilder(request.bodyAsString()).reverse().toString()));
		front.start("127.0.0.1", 0);
		List<Socket> clients = new ArrayList<>();
		try {
			for (int i = 0; i < 20; i++) {
				Socket client = RawHttp.open(front.port(), 5000);
				clients.add(client);
				client.getOutputStream().write("POST /r HTTP/1.1\r\nHost: t\r\nContent-Length: 6\r\n\r\nabc"
						.getBytes(StandardCharsets.US_ASCII));
			}
			CompletableFuture<Void> stopping = CompletableFuture.runAsync(front::stop);
			Thread.sleep(100);
			List<String> answers = new ArrayList<>();
			for (Socket client : clients) {
				client.getOutputStream().write("def".getBytes(StandardCharsets.US_ASCII));
				Answer answer = RawHttp.read(client.getInputStream());
				answers.add(answer.status() + " " + answer.body());
			}
			stopping.get(10, TimeUnit.SECONDS);

			assertThat(answers).containsOnly("200 fedcba");
		}
		finally {
			for (Socket client : clients) {
				client.close();
			}
		}
	}

	private static Answer exchangeQuietly(int port, String request) {
		try {
			return RawHttp.exchange(port, request);
		}
		catch (java.io.IOException refused) {
			return new Answer(-1, "", "");
		}
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
