package dev.polyfn.core.http.server;

/** Collects a request body as its bytes arrive, however the client splits them. */
interface BodyReader {

	/** Takes what it needs of {@code buffer[start, end)}; answers how many bytes it took. */
	int feed(byte[] buffer, int start, int end) throws ProtocolError;

	boolean complete();

	byte[] body();

	/** Body bytes received so far (for the log line of a client that gives up mid-upload). */
	long received();

	static BodyReader of(RequestHead head, long limit) {
		return head.chunked() ? new ChunkedBody(limit) : new FixedBody((int) Math.max(0, head.contentLength()));
	}

	/** A body of a declared Content-Length, already checked against the limit. */
	final class FixedBody implements BodyReader {

		private final byte[] body;
		private int filled;

		FixedBody(int length) {
			this.body = new byte[length];
		}

		@Override
		public int feed(byte[] buffer, int start, int end) {
			int take = Math.min(end - start, body.length - filled);
			System.arraycopy(buffer, start, body, filled, take);
			filled += take;
			return take;
		}

		@Override
		public boolean complete() {
			return filled == body.length;
		}

		@Override
		public byte[] body() {
			return body;
		}

		@Override
		public long received() {
			return filled;
		}
	}
}
