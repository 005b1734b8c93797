package dev.polyfn.conformance.reliability;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.polyfn.core.testing.RawHttp;
import dev.polyfn.core.testing.RawHttp.Answer;

/**
 * The reliability scenarios, each bounded in time and count, on loopback only. Each returns its findings;
 * none throws for a server misbehaving (that is a finding), only for the campaign itself failing.
 */
final class Scenarios {

	private static final Pattern REMAINING = Pattern.compile("\"remainingStock\":(\\d+)");

	private final ServerUnderTest server;
	private final List<Finding> findings = new ArrayList<>();

	Scenarios(ServerUnderTest server) {
		this.server = server;
	}

	List<Finding> findings() {
		return findings;
	}

	private void record(String scenario, String expected, String observed, boolean passed) {
		findings.add(new Finding(server.kind.label, scenario, expected, observed, passed));
	}

	private Answer send(String request) {
		try {
			return RawHttp.exchange(server.port, request);
		}
		catch (IOException e) {
			return new Answer(-1, e.getClass().getSimpleName(), "");
		}
	}

	/** 200 connections that sent one byte each, then a normal request; then the header timeout on one of them. */
	void slowClients() throws Exception {
		List<Socket> slow = new ArrayList<>();
		try {
			for (int i = 0; i < 200; i++) {
				Socket socket = RawHttp.open(server.port, 10_000);
				socket.getOutputStream().write('P');
				slow.add(socket);
			}
			Thread.sleep(200);
			long start = System.nanoTime();
			Answer answer = send(Requests.post("/reverse", "text/plain", "hello"));
			long millis = (System.nanoTime() - start) / 1_000_000;
			record("200 one-byte connections held open", "a normal `reverse` answers 200 `olleh` within 2 s",
					answer.status() + " `" + answer.body() + "` in " + millis + " ms",
					answer.status() == 200 && "olleh".equals(answer.body()) && millis < 2000);

			long waited = System.nanoTime();
			Answer timedOut = RawHttp.read(slow.get(0).getInputStream());
			long after = (System.nanoTime() - waited) / 1_000_000;
			record("headers never finished (header timeout 2 s)", "408 in the JSON contract, connection closed",
					timedOut.status() + " " + errorCode(timedOut) + " after " + after + " ms more",
					timedOut.status() == 408 && isContract(timedOut));
		}
		finally {
			for (Socket socket : slow) {
				socket.close();
			}
		}
	}

	/** 50 connections trickling one header line every 100 ms while normal requests are served. */
	void tricklingHeaders() throws Exception {
		List<Socket> trickling = new ArrayList<>();
		try {
			for (int i = 0; i < 50; i++) {
				Socket socket = RawHttp.open(server.port, 10_000);
				socket.getOutputStream().write("POST /reverse HTTP/1.1\r\n".getBytes(StandardCharsets.ISO_8859_1));
				trickling.add(socket);
			}
			long worst = 0;
			boolean allRight = true;
			for (int round = 0; round < 10; round++) {
				for (Socket socket : trickling) {
					socket.getOutputStream().write(("X-Trickle-" + round + ": 1\r\n").getBytes(StandardCharsets.ISO_8859_1));
				}
				long start = System.nanoTime();
				Answer answer = send(Requests.post("/reverse", "text/plain", "abc" + round));
				worst = Math.max(worst, (System.nanoTime() - start) / 1_000_000);
				allRight &= answer.status() == 200 && answer.body().equals(new StringBuilder("abc" + round).reverse().toString());
				Thread.sleep(100);
			}
			record("50 connections trickling header lines", "10 normal requests all right, each within 1 s",
					(allRight ? "all right" : "some wrong") + ", slowest " + worst + " ms", allRight && worst < 1000);
		}
		finally {
			for (Socket socket : trickling) {
				socket.close();
			}
		}
	}

	void protocolFaults() {
		for (ProtocolFaults.Fault fault : ProtocolFaults.all()) {
			Answer answer = send(fault.request());
			boolean reason = answer.statusLine().matches("HTTP/1\\.1 \\d{3} \\S.*");
			record("protocol: " + fault.name(), fault.status() + " in the JSON contract, with a reason phrase",
					answer.status() <= 0 ? "no answer" : "`" + answer.statusLine() + "` " + errorCode(answer),
					answer.status() == fault.status() && isContract(answer) && reason);
		}
	}

	/** A client that sends half of a declared body and disconnects: one WARN line, no ERROR. */
	void disconnectMidUpload(int logCursor) throws Exception {
		try (Socket socket = RawHttp.open(server.port, 5000)) {
			OutputStream out = socket.getOutputStream();
			out.write("POST /reverse HTTP/1.1\r\nHost: campaign\r\nContent-Length: 100000\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
			out.write(new byte[40_000]);
			out.flush();
			Thread.sleep(200);
		}
		Thread.sleep(300);
		List<String> lines = server.logSince(logCursor);
		long warn = lines.stream().filter(l -> l.contains("WARN") && l.contains("40000 of 100000")).count();
		long traces = lines.stream().filter(l -> l.startsWith("\tat ") || l.contains(" ERROR ")).count();
		record("client disconnects mid-upload", "one WARN line naming 40000 of 100000 bytes, no ERROR, no stack trace",
				warn + " WARN line(s), " + traces + " ERROR/stack lines", warn == 1 && traces == 0);
	}

	/** HEAD, OPTIONS, TRACE, PUT, DELETE, PATCH and an unknown method to processOrder change no stock. */
	void methodMatrix(int logCursor) throws Exception {
		int before = remaining(send(Requests.post("/processOrder", "application/json", Requests.order("m-0"))));
		Map<String, Integer> statuses = new TreeMap<>();
		boolean contract = true;
		for (String method : List.of("HEAD", "OPTIONS", "TRACE", "PUT", "DELETE", "PATCH", "GET", "FOO")) {
			Answer answer = send(Requests.call(method, "/processOrder", "application/json", Requests.order("m-" + method)));
			statuses.put(method, answer.status());
			boolean allowed = answer.header("Allow") != null && answer.header("Allow").startsWith("POST");
			contract &= allowed && ("OPTIONS".equals(method) ? answer.status() == 204
					: answer.status() == 405 && ("HEAD".equals(method) || isContract(answer)));
		}
		int after = remaining(send(Requests.post("/processOrder", "application/json", Requests.order("m-9"))));
		record("method matrix on processOrder", "OPTIONS 204, others 405, all with Allow; stock moves only for the 2 POSTs",
				statuses + "; remaining stock " + before + " → " + after, contract && after == before - 1);

		int cursor = server.logLength();
		Answer options = send(Requests.call("OPTIONS", "/audit", "text/plain", "must not be recorded"));
		Thread.sleep(100);
		long audited = server.logSince(cursor).stream().filter(l -> l.contains("audit:")).count();
		record("OPTIONS to audit", "204 with Allow, nothing recorded", options.status() + ", " + audited + " audit line(s)",
				options.status() == 204 && audited == 0);
	}

	/** 32 clients × 40 requests with unique bodies; then a request after the flood. */
	void flood() throws Exception {
		ExecutorService clients = Executors.newFixedThreadPool(32);
		try {
			List<Future<int[]>> results = new ArrayList<>();
			long start = System.nanoTime();
			for (int c = 0; c < 32; c++) {
				int client = c;
				results.add(clients.submit((Callable<int[]>) () -> {
					int ok = 0;
					int wrong = 0;
					for (int i = 0; i < 40; i++) {
						String body = "flood-" + client + "-" + i;
						Answer answer = send(Requests.post("/reverse", "text/plain", body));
						if (answer.status() == 200 && answer.body().equals(new StringBuilder(body).reverse().toString())) {
							ok++;
						}
						else {
							wrong++;
						}
					}
					return new int[] { ok, wrong };
				}));
			}
			int ok = 0;
			int wrong = 0;
			for (Future<int[]> result : results) {
				int[] counts = result.get(60, TimeUnit.SECONDS);
				ok += counts[0];
				wrong += counts[1];
			}
			long millis = (System.nanoTime() - start) / 1_000_000;
			long after = System.nanoTime();
			Answer next = send(Requests.post("/reverse", "text/plain", "after"));
			long nextMillis = (System.nanoTime() - after) / 1_000_000;
			record("flood: 32 clients × 40 requests", "1280 right answers; then a request within 1 s",
					ok + " right, " + wrong + " wrong in " + millis + " ms; next request " + next.status() + " in " + nextMillis + " ms",
					wrong == 0 && next.status() == 200 && nextMillis < 1000);
		}
		finally {
			clients.shutdownNow();
		}
	}

	/**
	 * 32 uploads in flight (headers sent, bodies trickling) when the server gets SIGTERM: every one must get its
	 * right 200, and the process must exit within the drain deadline.
	 */
	void shutdownUnderLoad(Duration drainDeadline) throws Exception {
		ExecutorService clients = Executors.newFixedThreadPool(32);
		try {
			List<Future<Boolean>> uploads = new ArrayList<>();
			for (int c = 0; c < 32; c++) {
				String body = ("upload-" + c + "-").repeat(2000);
				uploads.add(clients.submit(() -> trickledUpload(body)));
			}
			Thread.sleep(400);
			long terminated = System.nanoTime();
			server.terminate();
			int right = 0;
			for (Future<Boolean> upload : uploads) {
				right += upload.get(60, TimeUnit.SECONDS) ? 1 : 0;
			}
			boolean exited = server.exitsWithin(drainDeadline.plusSeconds(5));
			long millis = (System.nanoTime() - terminated) / 1_000_000;
			record("SIGTERM with 32 uploads in flight", "32 right 200s; exit within the drain deadline (" + drainDeadline.toSeconds() + " s)",
					right + " right; " + (exited ? "exited " + millis + " ms after SIGTERM" : "still running"),
					right == 32 && exited && millis <= drainDeadline.toMillis());
		}
		finally {
			clients.shutdownNow();
		}
	}

	/**
	 * 32 valid thumbnail uploads (a 1600×1200 PNG each) in flight when the server gets SIGTERM: each has sent its
	 * headers and half its image, the signal goes out, then the rest follows. Every one must get a 200 PNG that fits
	 * 800×800 with the aspect kept, and the process must exit within the drain deadline (issue 15, acceptance 3).
	 */
	void shutdownDuringThumbnails(Duration drainDeadline) throws Exception {
		byte[] png = ThumbnailUploads.png(1600, 1200);
		ExecutorService clients = Executors.newFixedThreadPool(32);
		java.util.concurrent.CountDownLatch halfSent = new java.util.concurrent.CountDownLatch(32);
		java.util.concurrent.CountDownLatch terminated = new java.util.concurrent.CountDownLatch(1);
		try {
			List<Future<String>> uploads = new ArrayList<>();
			for (int c = 0; c < 32; c++) {
				uploads.add(clients.submit(() -> ThumbnailUploads.uploadAcrossSigterm(server.port, png, halfSent, terminated)));
			}
			boolean allInFlight = halfSent.await(30, TimeUnit.SECONDS);
			long signalled = System.nanoTime();
			server.terminate();
			terminated.countDown();
			Map<String, Integer> outcomes = new TreeMap<>();
			for (Future<String> upload : uploads) {
				outcomes.merge(upload.get(60, TimeUnit.SECONDS), 1, Integer::sum);
			}
			boolean exited = server.exitsWithin(drainDeadline.plusSeconds(5));
			long millis = (System.nanoTime() - signalled) / 1_000_000;
			int right = outcomes.getOrDefault(ThumbnailUploads.RIGHT, 0);
			record("SIGTERM with 32 thumbnails in flight", "32 × 200 image/png 800×600; exit within the drain deadline ("
					+ drainDeadline.toSeconds() + " s)",
					outcomes + "; " + (exited ? "exited " + millis + " ms after SIGTERM" : "still running"),
					allInFlight && right == 32 && exited && millis <= drainDeadline.toMillis());
		}
		finally {
			terminated.countDown();
			clients.shutdownNow();
		}
	}

	private boolean trickledUpload(String body) {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		try (Socket socket = RawHttp.open(server.port, 30_000)) {
			OutputStream out = socket.getOutputStream();
			out.write(("POST /reverse HTTP/1.1\r\nHost: campaign\r\nContent-Type: text/plain\r\nContent-Length: " + bytes.length
					+ "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
			int pieces = 8;
			int size = (bytes.length + pieces - 1) / pieces;
			for (int offset = 0; offset < bytes.length; offset += size) {
				out.write(bytes, offset, Math.min(size, bytes.length - offset));
				out.flush();
				Thread.sleep(150);
			}
			Answer answer = RawHttp.read(socket.getInputStream());
			return answer.status() == 200 && answer.body().equals(new StringBuilder(body).reverse().toString());
		}
		catch (IOException e) {
			return false;
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private static int remaining(Answer answer) {
		Matcher matcher = REMAINING.matcher(answer.body());
		return matcher.find() ? Integer.parseInt(matcher.group(1)) : -1;
	}

	static boolean isContract(Answer answer) {
		return answer.body().startsWith("{\"error\":\"") && answer.body().contains("\"message\":\"")
				&& String.valueOf(answer.header("Content-Type")).startsWith("application/json");
	}

	private static String errorCode(Answer answer) {
		Matcher matcher = Pattern.compile("\"error\":\"([^\"]+)\"").matcher(answer.body());
		return matcher.find() ? "`" + matcher.group(1) + "`" : "(no JSON error)";
	}
}
