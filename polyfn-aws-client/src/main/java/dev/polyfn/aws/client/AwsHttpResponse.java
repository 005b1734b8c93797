package dev.polyfn.aws.client;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An AWS API's answer. A success's body is the live stream (an object being downloaded): close it, or the response,
 * to give the connection back. An error's body (a few hundred bytes of XML or JSON) is already read, so that a
 * retry decision and the caller's error mapping can both look at it and the connection is free again.
 */
public final class AwsHttpResponse implements AutoCloseable {

	/** Error bodies are documents of a few hundred bytes; a longer one is cut here rather than read into memory. */
	static final int MAX_ERROR_BODY = 64 * 1024;

	private final int status;
	private final Map<String, List<String>> headers;
	private final InputStream body;
	private final byte[] errorBody;
	private final HttpURLConnection connection;

	private AwsHttpResponse(int status, Map<String, List<String>> headers, InputStream body, byte[] errorBody,
			HttpURLConnection connection) {
		this.status = status;
		this.headers = headers;
		this.body = body;
		this.errorBody = errorBody;
		this.connection = connection;
	}

	static AwsHttpResponse of(HttpURLConnection connection) throws IOException {
		int status = connection.getResponseCode();
		Map<String, List<String>> headers = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		connection.getHeaderFields().forEach((name, values) -> {
			if (name != null) {
				headers.put(name, values);
			}
		});
		if (status >= 200 && status < 300) {
			return new AwsHttpResponse(status, headers, connection.getInputStream(), null, connection);
		}
		byte[] error;
		try (InputStream stream = connection.getErrorStream()) {
			error = stream == null ? new byte[0] : stream.readNBytes(MAX_ERROR_BODY);
		}
		return new AwsHttpResponse(status, headers, null, error, null);
	}

	public int status() {
		return status;
	}

	/** A header's first value; names in any case. */
	public Optional<String> header(String name) {
		List<String> values = headers.get(name);
		return values == null || values.isEmpty() ? Optional.empty() : Optional.ofNullable(values.get(0));
	}

	public Map<String, List<String>> headers() {
		return headers;
	}

	/** A success's live stream; an error's buffered body, from its start at each call. */
	public InputStream body() {
		return errorBody != null ? new ByteArrayInputStream(errorBody) : body;
	}

	/** The whole body; an error's as often as asked (a retry decision may have read it first). */
	public byte[] bodyBytes() {
		if (errorBody != null) {
			return errorBody;
		}
		try (InputStream in = body) {
			return in.readAllBytes();
		}
		catch (IOException e) {
			throw new UncheckedIOException("Could not read the answer's body", e);
		}
	}

	/** Closes the body; a fully read body leaves the connection open for the next request (HTTP keep-alive). */
	@Override
	public void close() {
		if (body == null) {
			return;
		}
		try {
			body.close();
		}
		catch (IOException broken) {
			// a connection that failed while closing cannot be reused: drop it
			connection.disconnect();
		}
	}
}
