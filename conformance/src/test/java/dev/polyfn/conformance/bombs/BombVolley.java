package dev.polyfn.conformance.bombs;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/**
 * Fires one set of image uploads at once at a server's {@code thumbnail} while sampling its RSS, and, once they
 * are on their way, one {@code reverse}; what came back is {@link Result}.
 */
final class BombVolley {

	private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5)).build();

	record Answer(int status, String contentType, String body) {

		boolean inErrorContract() {
			return status >= 400 && status < 500 && contentType.startsWith("application/json")
					&& body.matches("\\{\"error\":\"[a-z_]+\",\"message\":\".*\"}");
		}
	}

	record Result(String server, String volley, int sent, int largestBytes, Map<Integer, Integer> statuses,
			List<Answer> outsideContract, long rssBefore, long rssPeak, long reverseMillis, String reverseBody,
			boolean aliveAfter) {

		long rssGrowth() {
			return Math.max(0, rssPeak - rssBefore);
		}
	}

	private BombVolley() {
	}

	static Answer post(ServerProcess server, String path, byte[] body, String contentType) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port + path))
			.timeout(Duration.ofSeconds(60)).header("Content-Type", contentType)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
		HttpResponse<byte[]> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofByteArray());
		return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
				new String(response.body(), StandardCharsets.UTF_8));
	}

	static Result fire(ServerProcess server, String volley, int count, IntFunction<byte[]> upload) throws Exception {
		long rssBefore = server.rss();
		AtomicLong peak = new AtomicLong(rssBefore);
		ExecutorService pool = Executors.newFixedThreadPool(count + 1);
		CountDownLatch go = new CountDownLatch(1);
		try {
			CompletableFuture<Void> sampler = CompletableFuture.runAsync(() -> sample(server, peak, go), pool);
			List<CompletableFuture<Answer>> answers = new ArrayList<>();
			int largest = 0;
			for (int i = 0; i < count; i++) {
				byte[] bomb = upload.apply(i);
				largest = Math.max(largest, bomb.length);
				answers.add(CompletableFuture.supplyAsync(() -> {
					await(go);
					return postOrNoAnswer(server, bomb);
				}, pool));
			}
			go.countDown();
			long started = System.nanoTime();
			Answer reverse = post(server, "/reverse", "hello".getBytes(StandardCharsets.UTF_8), "text/plain");
			long reverseMillis = (System.nanoTime() - started) / 1_000_000;
			Map<Integer, Integer> statuses = new TreeMap<>();
			List<Answer> outside = new ArrayList<>();
			for (CompletableFuture<Answer> future : answers) {
				Answer answer = future.get(120, TimeUnit.SECONDS);
				statuses.merge(answer.status(), 1, Integer::sum);
				if (!answer.inErrorContract()) {
					outside.add(answer);
				}
			}
			Thread.sleep(200);
			sampler.cancel(true);
			return new Result(server.name(), volley, count, largest, statuses, outside, rssBefore, peak.get(),
					reverseMillis, reverse.body(), server.alive());
		}
		finally {
			pool.shutdownNow();
		}
	}

	private static void sample(ServerProcess server, AtomicLong peak, CountDownLatch go) {
		await(go);
		while (!Thread.currentThread().isInterrupted() && server.alive()) {
			try {
				peak.accumulateAndGet(server.rss(), Math::max);
				Thread.sleep(5);
			}
			catch (InterruptedException stop) {
				return;
			}
			catch (Exception gone) {
				return;
			}
		}
	}

	/** A dropped connection is an answer too: status 0, outside the contract. */
	private static Answer postOrNoAnswer(ServerProcess server, byte[] bomb) {
		try {
			return post(server, "/thumbnail", bomb, "application/octet-stream");
		}
		catch (Exception dropped) {
			return new Answer(0, "", "no answer: " + dropped);
		}
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
