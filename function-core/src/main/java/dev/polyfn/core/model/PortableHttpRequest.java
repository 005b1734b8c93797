package dev.polyfn.core.model;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An HTTP request as every cloud can express it. Adapters build one from their cloud's event; a function may
 * also take it as its input to see everything (method, path, query, headers, cookies).
 * The body is always the decoded bytes; {@link #base64Encoded()} only records how it travelled.
 */
public final class PortableHttpRequest {

	private final String method;
	private final String path;
	private final String rawQuery;
	/** Parsed from the raw query on first use (most functions never look); set when the adapter gave parameters. */
	private Map<String, List<String>> query;
	private final Headers headers;
	private final List<String> cookies;
	private final byte[] body;
	private final boolean base64Encoded;

	private PortableHttpRequest(Builder builder) {
		this.method = builder.method == null ? "GET" : builder.method.toUpperCase(java.util.Locale.ROOT);
		this.path = builder.path == null || builder.path.isEmpty() ? "/" : builder.path;
		if (builder.explicitQuery) {
			this.query = Collections.unmodifiableMap(new LinkedHashMap<>(builder.query));
			this.rawQuery = builder.rawQuery != null ? builder.rawQuery : QueryString.build(builder.query);
		}
		else {
			this.rawQuery = builder.rawQuery != null ? builder.rawQuery : "";
		}
		this.headers = builder.headers;
		this.cookies = List.copyOf(builder.cookies);
		this.body = builder.body == null ? new byte[0] : builder.body;
		this.base64Encoded = builder.base64Encoded;
	}

	public static Builder builder() {
		return new Builder();
	}

	public String method() {
		return method;
	}

	public String path() {
		return path;
	}

	/** The query string without the leading '?', still encoded; empty when there is none. */
	public String rawQuery() {
		return rawQuery;
	}

	/** Decoded query parameters, each with all its values in order. */
	public Map<String, List<String>> query() {
		Map<String, List<String>> parsed = query;
		if (parsed == null) {
			// Racy but idempotent: two threads parse the same string to equal maps.
			parsed = Collections.unmodifiableMap(QueryString.parse(rawQuery));
			query = parsed;
		}
		return parsed;
	}

	public String queryParameter(String name) {
		List<String> values = query().get(name);
		return values == null || values.isEmpty() ? null : values.get(0);
	}

	public Headers headers() {
		return headers;
	}

	/** Cookies as {@code name=value} pairs, from a Cookie header or a cloud's own cookie list. */
	public List<String> cookies() {
		return cookies;
	}

	public byte[] body() {
		return body;
	}

	public boolean base64Encoded() {
		return base64Encoded;
	}

	public String contentType() {
		return headers.first("Content-Type");
	}

	public String bodyAsString() {
		return new String(body, charset());
	}

	public Charset charset() {
		return MediaTypes.charset(contentType(), StandardCharsets.UTF_8);
	}

	public static final class Builder {

		private String method;
		private String path;
		private String rawQuery;
		private final Map<String, List<String>> query = new LinkedHashMap<>();
		private boolean explicitQuery;
		private Headers headers = new Headers();
		private final List<String> cookies = new ArrayList<>();
		private byte[] body;
		private boolean base64Encoded;

		public Builder method(String method) {
			this.method = method;
			return this;
		}

		public Builder path(String path) {
			this.path = path;
			return this;
		}

		/** Sets the raw query; unless parameters are given explicitly, they are parsed from it when first asked for. */
		public Builder rawQuery(String rawQuery) {
			this.rawQuery = rawQuery == null ? "" : rawQuery;
			return this;
		}

		public Builder queryParameter(String name, String value) {
			explicitQuery = true;
			query.computeIfAbsent(name, k -> new ArrayList<>(1)).add(value);
			return this;
		}

		public Builder query(Map<String, List<String>> params) {
			explicitQuery = true;
			query.clear();
			if (params != null) {
				params.forEach((name, values) -> query.put(name, new ArrayList<>(values)));
			}
			return this;
		}

		public Builder headers(Headers headers) {
			this.headers = headers == null ? new Headers() : headers;
			return this;
		}

		public Builder header(String name, String value) {
			this.headers.add(name, value);
			return this;
		}

		public Builder cookie(String nameValue) {
			this.cookies.add(nameValue);
			return this;
		}

		public Builder cookies(List<String> nameValues) {
			if (nameValues != null) {
				this.cookies.addAll(nameValues);
			}
			return this;
		}

		public Builder body(byte[] body) {
			this.body = body;
			return this;
		}

		public Builder body(String text) {
			this.body = text == null ? null : text.getBytes(StandardCharsets.UTF_8);
			return this;
		}

		public Builder base64Encoded(boolean base64Encoded) {
			this.base64Encoded = base64Encoded;
			return this;
		}

		public PortableHttpRequest build() {
			if (cookies.isEmpty()) {
				for (String header : headers.all("Cookie")) {
					for (String cookie : header.split(";")) {
						if (!cookie.isBlank()) {
							cookies.add(cookie.trim());
						}
					}
				}
			}
			return new PortableHttpRequest(this);
		}
	}
}
