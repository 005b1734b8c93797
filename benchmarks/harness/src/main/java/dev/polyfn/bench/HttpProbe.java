package dev.polyfn.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;

/** One HTTP request to a local server: the cold-start probe and the correctness check before a load run. */
final class HttpProbe {

	static final String BODY = "polyfn-bench";
	static final String EXPECTED = new StringBuilder(BODY).reverse().toString();

	/** An answer, and whether it is the correct one for what was sent. */
	record Response(int status, String body, boolean correct) {
	}

	private HttpProbe() {
	}

	/** POSTs the probe body; null when nothing listens yet (connection refused or reset while starting). */
	static Response post(int port, String path) {
		Response response = post(port, path, BODY.getBytes(StandardCharsets.UTF_8), "text/plain");
		return response == null ? null
				: new Response(response.status(), response.body(), response.status() == 200 && response.body().contains(EXPECTED));
	}

	/**
	 * POSTs a structured-mode CloudEvent. A CloudEvents function only succeeds (2xx, no body) or fails (500): a
	 * correct answer is a 2xx.
	 */
	static Response postCloudEvent(int port, String path, byte[] event) {
		Response response = post(port, path, event, "application/cloudevents+json; charset=utf-8");
		return response == null ? null : new Response(response.status(), response.body(), response.status() / 100 == 2);
	}

	private static Response post(int port, String path, byte[] body, String contentType) {
		HttpURLConnection connection = null;
		try {
			connection = (HttpURLConnection) new URL("http://127.0.0.1:" + port + path).openConnection();
			connection.setConnectTimeout(1000);
			connection.setReadTimeout(120_000);
			connection.setRequestMethod("POST");
			connection.setDoOutput(true);
			connection.setRequestProperty("Content-Type", contentType);
			connection.setRequestProperty("Connection", "close");
			try (OutputStream out = connection.getOutputStream()) {
				out.write(body);
			}
			int status = connection.getResponseCode();
			InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
			String answer = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
			return new Response(status, answer, false);
		}
		catch (IOException notYet) {
			return null;
		}
		finally {
			if (connection != null) {
				connection.disconnect();
			}
		}
	}
}
