package dev.polyfn.bench.jmh;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import com.google.cloud.functions.HttpRequest;
import com.google.cloud.functions.HttpResponse;

/**
 * The request/response pair the Functions Framework invoker hands an {@code HttpFunction}, held in memory, so the
 * benchmark measures the function's own mapping and not Jetty. Fresh per call, like the invoker's.
 */
final class FakeHttpExchange {

	private FakeHttpExchange() {
	}

	static final class Request implements HttpRequest {

		private final String method;
		private final String path;
		private final Map<String, List<String>> headers;
		private final byte[] body;

		Request(String method, String path, Map<String, List<String>> headers, byte[] body) {
			this.method = method;
			this.path = path;
			this.headers = headers;
			this.body = body;
		}

		@Override
		public String getMethod() {
			return method;
		}

		@Override
		public String getUri() {
			return "http://localhost:8080" + path;
		}

		@Override
		public String getPath() {
			return path;
		}

		@Override
		public Optional<String> getQuery() {
			return Optional.empty();
		}

		@Override
		public Map<String, List<String>> getQueryParameters() {
			return Map.of();
		}

		@Override
		public Map<String, HttpPart> getParts() {
			return Map.of();
		}

		@Override
		public Optional<String> getContentType() {
			return getFirstHeader("Content-Type");
		}

		@Override
		public long getContentLength() {
			return body.length;
		}

		@Override
		public Optional<String> getCharacterEncoding() {
			return Optional.of("UTF-8");
		}

		@Override
		public InputStream getInputStream() {
			return new ByteArrayInputStream(body);
		}

		@Override
		public BufferedReader getReader() {
			return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
		}

		@Override
		public Map<String, List<String>> getHeaders() {
			return headers;
		}
	}

	static final class Response implements HttpResponse {

		private int status = 200;
		private String contentType;
		private final Map<String, List<String>> headers = new LinkedHashMap<>();
		private final ByteArrayOutputStream body = new ByteArrayOutputStream(256);
		private BufferedWriter writer;

		@Override
		public void setStatusCode(int code) {
			status = code;
		}

		@Override
		public void setStatusCode(int code, String message) {
			status = code;
		}

		@Override
		public void setContentType(String type) {
			contentType = type;
		}

		@Override
		public Optional<String> getContentType() {
			return Optional.ofNullable(contentType);
		}

		@Override
		public void appendHeader(String name, String value) {
			headers.computeIfAbsent(name, n -> new java.util.ArrayList<>()).add(value);
		}

		@Override
		public Map<String, List<String>> getHeaders() {
			return headers;
		}

		@Override
		public OutputStream getOutputStream() {
			return body;
		}

		@Override
		public BufferedWriter getWriter() {
			if (writer == null) {
				writer = new BufferedWriter(new OutputStreamWriter(body, StandardCharsets.UTF_8));
			}
			return writer;
		}

		void flush() throws java.io.IOException {
			if (writer != null) {
				writer.flush();
			}
		}

		String describe() throws java.io.IOException {
			flush();
			return status + " " + contentType + " " + body.toString(StandardCharsets.UTF_8);
		}
	}

	/** Case-insensitive header map, as Jetty's. */
	static Map<String, List<String>> headers(String... namesAndValues) {
		Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		for (int i = 0; i < namesAndValues.length; i += 2) {
			headers.put(namesAndValues[i], List.of(namesAndValues[i + 1]));
		}
		return headers;
	}
}
