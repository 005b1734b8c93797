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

	record Response(int status, String body) {
		boolean correct() {
			return status == 200 && body.contains(EXPECTED);
		}
	}

	private HttpProbe() {
	}

	/** POSTs the probe body; null when nothing listens yet (connection refused or reset while starting). */
	static Response post(int port, String path) {
		HttpURLConnection connection = null;
		try {
			connection = (HttpURLConnection) new URL("http://127.0.0.1:" + port + path).openConnection();
			connection.setConnectTimeout(1000);
			connection.setReadTimeout(120_000);
			connection.setRequestMethod("POST");
			connection.setDoOutput(true);
			connection.setRequestProperty("Content-Type", "text/plain");
			connection.setRequestProperty("Connection", "close");
			try (OutputStream out = connection.getOutputStream()) {
				out.write(BODY.getBytes(StandardCharsets.UTF_8));
			}
			int status = connection.getResponseCode();
			InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
			String body = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
			return new Response(status, body);
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
