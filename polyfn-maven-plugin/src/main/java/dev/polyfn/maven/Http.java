package dev.polyfn.maven;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/** The HTTP calls a platform's front end makes to a runtime that serves HTTP, and the response as text. */
final class Http {

	private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private Http() {
	}

	record Response(int status, Map<String, String> headers, String body) {

		/** The status line, the headers and the body, as a client of the cloud receives them. */
		String asText() {
			StringBuilder text = new StringBuilder("HTTP " + status + "\n");
			headers.forEach((name, value) -> text.append(name).append(": ").append(value).append('\n'));
			return text.append('\n').append(body).toString();
		}
	}

	static Response post(String url, byte[] body, Map<String, String> headers) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(5))
			.POST(HttpRequest.BodyPublishers.ofByteArray(body));
		headers.forEach(request::header);
		HttpResponse<byte[]> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
		Map<String, String> received = new TreeMap<>();
		response.headers().map().forEach((name, values) -> {
			if (!name.equals(":status")) {
				received.put(name, String.join(",", values));
			}
		});
		return new Response(response.statusCode(), received, new String(response.body(), StandardCharsets.UTF_8));
	}
}
