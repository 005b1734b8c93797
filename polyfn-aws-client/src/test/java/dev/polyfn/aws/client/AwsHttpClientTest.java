package dev.polyfn.aws.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

class AwsHttpClientTest {

	private HttpServer server;
	private final Queue<Integer> statuses = new ConcurrentLinkedQueue<>();
	private final List<String> received = new ArrayList<>();
	private final List<String> waits = new ArrayList<>();

	@BeforeEach
	void start() throws IOException {
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/", exchange -> {
			byte[] body = exchange.getRequestBody().readAllBytes();
			synchronized (received) {
				received.add(exchange.getRequestMethod() + " " + new String(body, StandardCharsets.UTF_8) + " "
						+ exchange.getRequestHeaders().getFirst("Content-Type") + " "
						+ (exchange.getRequestHeaders().getFirst("Authorization") != null ? "signed" : "unsigned"));
			}
			Integer status = statuses.poll();
			byte[] answer = ("answer " + (status == null ? 200 : status)).getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(status == null ? 200 : status, answer.length);
			exchange.getResponseBody().write(answer);
			exchange.close();
		});
		server.start();
	}

	@AfterEach
	void stop() {
		server.stop(0);
	}

	@Test
	void retriesAThrottledRequestAndReturnsTheAnswerThatFollows() {
		statuses.add(503);

		try (AwsHttpResponse response = client(3).send(post("hello"))) {
			assertThat(response.status()).isEqualTo(200);
			assertThat(new String(response.bodyBytes(), StandardCharsets.UTF_8)).isEqualTo("answer 200");
		}
		assertThat(received).containsExactly("POST hello application/x-amz-json-1.0 signed", "POST hello application/x-amz-json-1.0 signed");
	}

	@Test
	void returnsTheLastErrorOnceTheAttemptsAreSpent() {
		statuses.addAll(List.of(500, 500, 500, 200));

		try (AwsHttpResponse response = client(3).send(post("x"))) {
			assertThat(response.status()).isEqualTo(500);
			assertThat(new String(response.bodyBytes(), StandardCharsets.UTF_8)).isEqualTo("answer 500");
		}
		assertThat(waits).hasSize(2);
	}

	@Test
	void retriesAClientErrorOnlyWhenTheCallerSaysItIsThrottling() {
		statuses.addAll(List.of(400, 400));

		AwsHttpResponse plain = client(3).send(post("x"));
		AwsHttpResponse throttling = client(3).send(post("x"), r -> new String(r.bodyBytes(), StandardCharsets.UTF_8).contains("400"));

		assertThat(plain.status()).isEqualTo(400);
		assertThat(throttling.status()).isEqualTo(200);
	}

	@Test
	void keepsAnErrorsBodyReadableAfterTheRetryDecisionReadIt() {
		statuses.add(403);

		AwsHttpResponse denied = client(3).send(post("x"), r -> new String(r.bodyBytes(), StandardCharsets.UTF_8).contains("throttl"));

		assertThat(new String(denied.bodyBytes(), StandardCharsets.UTF_8)).isEqualTo("answer 403");
	}

	@Test
	void neverSendsAStreamBodyTwice() {
		statuses.add(503);
		AwsHttpRequest request = AwsHttpRequest.builder("PUT", uri()).body(new ByteArrayInputStream(new byte[] { 1, 2 }), 2).build();

		try (AwsHttpResponse response = client(3).send(request)) {
			assertThat(response.status()).isEqualTo(503);
		}
		assertThat(received).hasSize(1);
	}

	@Test
	void givesAPutWithoutAContentTypeOctetStreamRatherThanAFormType() {
		client(1).send(AwsHttpRequest.builder("PUT", uri()).body(new byte[] { 'a' }).build()).close();

		assertThat(received).containsExactly("PUT a application/octet-stream signed");
	}

	@Test
	void failsAfterItsAttemptsWhenNothingListens() {
		server.stop(0);

		assertThatThrownBy(() -> client(2).send(post("x"))).isInstanceOf(AwsClientException.class).hasMessageContaining("after 2 attempts");
	}

	private AwsHttpClient client(int attempts) {
		return new AwsHttpClient(new SigV4("sqs", "us-east-1", false), AwsCredentialsSource.fixed(AwsCredentials.of("id", "secret", null)),
				Duration.ofSeconds(2), Duration.ofSeconds(5), attempts, millis -> waits.add(String.valueOf(millis)));
	}

	private AwsHttpRequest post(String body) {
		return AwsHttpRequest.builder("POST", uri()).header("Content-Type", "application/x-amz-json-1.0")
				.body(body.getBytes(StandardCharsets.UTF_8)).build();
	}

	private URI uri() {
		return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
	}
}
