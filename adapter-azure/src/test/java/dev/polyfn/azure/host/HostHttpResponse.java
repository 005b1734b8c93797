package dev.polyfn.azure.host;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import com.microsoft.azure.functions.HttpResponseMessage;
import com.microsoft.azure.functions.HttpStatusType;

import dev.polyfn.core.model.Headers;

/**
 * The HTTP response a Java function returns, as the worker's {@code RpcHttpDataTarget} keeps it (a status, one
 * value per header name, the body object) and the host writes it: a {@code byte[]} body as its bytes, a string as
 * UTF-8.
 */
public record HostHttpResponse(HttpStatusType status, Map<String, String> headerValues, Object body)
		implements HttpResponseMessage {

	@Override
	public HttpStatusType getStatus() {
		return status;
	}

	@Override
	public String getHeader(String name) {
		return headerValues.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
				.map(Map.Entry::getValue).findFirst().orElse(null);
	}

	@Override
	public Object getBody() {
		return body;
	}

	public Headers headers() {
		Headers headers = new Headers();
		headerValues.forEach(headers::add);
		return headers;
	}

	public byte[] bytes() {
		if (body == null) {
			return new byte[0];
		}
		return body instanceof byte[] bytes ? bytes : body.toString().getBytes(StandardCharsets.UTF_8);
	}

	public String text() {
		return new String(bytes(), StandardCharsets.UTF_8);
	}

	static final class Builder implements HttpResponseMessage.Builder {

		private HttpStatusType status;
		private final Map<String, String> headers = new LinkedHashMap<>();
		private Object body;

		Builder(HttpStatusType status) {
			this.status = status;
		}

		@Override
		public HttpResponseMessage.Builder status(HttpStatusType status) {
			this.status = status;
			return this;
		}

		@Override
		public HttpResponseMessage.Builder header(String name, String value) {
			headers.put(name, value);
			return this;
		}

		@Override
		public HttpResponseMessage.Builder body(Object body) {
			this.body = body;
			return this;
		}

		@Override
		public HttpResponseMessage build() {
			return new HostHttpResponse(status, Map.copyOf(headers), body);
		}
	}
}
