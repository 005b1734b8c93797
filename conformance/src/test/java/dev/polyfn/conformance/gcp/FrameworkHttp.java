package dev.polyfn.conformance.gcp;

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

import dev.polyfn.core.model.Headers;
import dev.polyfn.core.model.QueryString;

/**
 * Small stand-ins for the Functions Framework's request and response (the framework's are Jetty-backed): header
 * names case-insensitive with every value kept, the query both raw and parsed, the body as a stream.
 */
public final class FrameworkHttp {

	private FrameworkHttp() {
	}

	public static final class Request implements HttpRequest {

		private final String method;
		private final String path;
		private final String query;
		private final Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		private final byte[] body;

		public Request(String method, String path, String rawQuery, Headers headers, byte[] body) {
			this.method = method;
			this.path = path;
			this.query = rawQuery == null || rawQuery.isEmpty() ? null : rawQuery;
			headers.forEach((name, values) -> this.headers.put(name, List.copyOf(values)));
			this.body = body;
		}

		@Override
		public String getMethod() {
			return method;
		}

		@Override
		public String getUri() {
			return "https://europe-west1-conformance.cloudfunctions.net" + path + (query == null ? "" : "?" + query);
		}

		@Override
		public String getPath() {
			return path;
		}

		@Override
		public Optional<String> getQuery() {
			return Optional.ofNullable(query);
		}

		@Override
		public Map<String, List<String>> getQueryParameters() {
			return query == null ? Map.of() : QueryString.parse(query);
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
			return Optional.empty();
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

	public static final class Response implements HttpResponse {

		public int status = 200;
		private String contentType;
		private final Map<String, List<String>> headers = new LinkedHashMap<>();
		public final ByteArrayOutputStream body = new ByteArrayOutputStream();

		@Override
		public void setStatusCode(int code) {
			status = code;
		}

		@Override
		public void setStatusCode(int code, String message) {
			status = code;
		}

		@Override
		public void setContentType(String contentType) {
			this.contentType = contentType;
		}

		@Override
		public Optional<String> getContentType() {
			return Optional.ofNullable(contentType);
		}

		@Override
		public void appendHeader(String header, String value) {
			headers.computeIfAbsent(header, k -> new java.util.ArrayList<>()).add(value);
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
			return new BufferedWriter(new OutputStreamWriter(body, StandardCharsets.UTF_8));
		}

		public Headers allHeaders() {
			Headers all = Headers.of(headers);
			if (contentType != null) {
				all.set("Content-Type", contentType);
			}
			return all;
		}
	}
}
