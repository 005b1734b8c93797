package dev.polyfn.aws.client;

import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One request to an AWS API before it is signed: method, absolute URI (path and query already encoded with
 * {@link SigV4#uriEncode}), headers, and a body that is either bytes (hashed into the signature, and sent again on a
 * retry) or a stream of known length (sent as it is read, {@link SigV4#UNSIGNED_PAYLOAD}, never retried).
 */
public final class AwsHttpRequest {

	private final String method;
	private final URI uri;
	private final Map<String, List<String>> headers;
	private final byte[] bytes;
	private final InputStream stream;
	private final long streamLength;

	private AwsHttpRequest(BuilderImpl builder) {
		this.method = builder.method;
		this.uri = builder.uri;
		this.headers = builder.headers;
		this.bytes = builder.bytes;
		this.stream = builder.stream;
		this.streamLength = builder.streamLength;
	}

	public static Builder builder(String method, URI uri) {
		return new BuilderImpl(method, uri);
	}

	public String method() {
		return method;
	}

	public URI uri() {
		return uri;
	}

	/** The caller's headers, as given. */
	public Map<String, List<String>> headers() {
		return headers;
	}

	/** The body bytes, or null for a stream body or none. */
	byte[] bytes() {
		return bytes;
	}

	InputStream stream() {
		return stream;
	}

	long streamLength() {
		return streamLength;
	}

	/** Whether the request can be sent again after a failed attempt: every request but a stream's. */
	boolean repeatable() {
		return stream == null;
	}

	boolean hasHeader(String name) {
		return headers.keySet().stream().anyMatch(name::equalsIgnoreCase);
	}

	public interface Builder {

		/** Adds a value (a second value for the same name is sent as a second header line). */
		Builder header(String name, String value);

		/** A body that is hashed into the signature and sent again on a retry. */
		Builder body(byte[] bytes);

		/** A body read once as it is sent, of exactly {@code length} bytes; the request is never retried. */
		Builder body(InputStream stream, long length);

		AwsHttpRequest build();
	}

	private static final class BuilderImpl implements Builder {

		private final String method;
		private final URI uri;
		private final Map<String, List<String>> headers = new LinkedHashMap<>();
		private byte[] bytes;
		private InputStream stream;
		private long streamLength;

		BuilderImpl(String method, URI uri) {
			this.method = method;
			this.uri = uri;
		}

		@Override
		public Builder header(String name, String value) {
			headers.computeIfAbsent(name, n -> new ArrayList<>(1)).add(value);
			return this;
		}

		@Override
		public Builder body(byte[] bytes) {
			this.bytes = bytes;
			this.stream = null;
			return this;
		}

		@Override
		public Builder body(InputStream stream, long length) {
			if (length < 0) {
				throw new IllegalArgumentException("A stream body needs its length; buffer it or upload it in parts");
			}
			this.stream = stream;
			this.streamLength = length;
			this.bytes = null;
			return this;
		}

		@Override
		public AwsHttpRequest build() {
			return new AwsHttpRequest(this);
		}
	}
}
