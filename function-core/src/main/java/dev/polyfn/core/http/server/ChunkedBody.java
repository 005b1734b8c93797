package dev.polyfn.core.http.server;

import java.util.Arrays;

/**
 * Decodes {@code Transfer-Encoding: chunked} (RFC 9112 §7.1) under the body limit: chunk extensions are
 * skipped, trailers read and dropped, and a size line that is not hex (or a body past the limit) ends the request.
 */
final class ChunkedBody implements BodyReader {

	private static final int MAX_LINE = 4096;

	private enum State { SIZE, DATA, DATA_END, TRAILER, DONE }

	private final long limit;
	private byte[] body = new byte[1024];
	private int length;
	private State state = State.SIZE;
	private final StringBuilder line = new StringBuilder();
	private long remaining;

	ChunkedBody(long limit) {
		this.limit = limit;
	}

	@Override
	public int feed(byte[] buffer, int start, int end) throws ProtocolError {
		int i = start;
		while (i < end && state != State.DONE) {
			if (state == State.DATA) {
				int take = (int) Math.min(end - i, remaining);
				append(buffer, i, take);
				i += take;
				remaining -= take;
				if (remaining == 0) {
					state = State.DATA_END;
				}
				continue;
			}
			byte b = buffer[i++];
			if (b != '\n') {
				if (line.length() >= MAX_LINE) {
					throw ProtocolError.badRequest("A chunk size or trailer line is too long");
				}
				line.append((char) (b & 0xff));
				continue;
			}
			String text = line.length() > 0 && line.charAt(line.length() - 1) == '\r'
					? line.substring(0, line.length() - 1) : line.toString();
			line.setLength(0);
			lineEnded(text);
		}
		return i - start;
	}

	private void lineEnded(String text) throws ProtocolError {
		switch (state) {
			case SIZE -> {
				remaining = size(text);
				state = remaining == 0 ? State.TRAILER : State.DATA;
			}
			case DATA_END -> {
				if (!text.isEmpty()) {
					throw ProtocolError.badRequest("A chunk is longer than its declared size");
				}
				state = State.SIZE;
			}
			case TRAILER -> {
				if (text.isEmpty()) {
					state = State.DONE;
				}
			}
			default -> throw new IllegalStateException(state.name());
		}
	}

	private long size(String text) throws ProtocolError {
		int semicolon = text.indexOf(';');
		String hex = (semicolon < 0 ? text : text.substring(0, semicolon)).strip();
		if (hex.isEmpty() || hex.length() > 15) {
			throw ProtocolError.badRequest("Invalid chunk size");
		}
		try {
			return Long.parseLong(hex, 16);
		}
		catch (NumberFormatException invalid) {
			throw ProtocolError.badRequest("Invalid chunk size");
		}
	}

	private void append(byte[] buffer, int from, int count) throws ProtocolError {
		if (length + (long) count > limit) {
			throw new ProtocolError(413, "payload_too_large", "The chunked body is longer than " + limit
					+ " bytes, the limit (polyfn.max-body-size)");
		}
		if (length + count > body.length) {
			body = Arrays.copyOf(body, (int) Math.min(limit, Math.max(body.length * 2L, length + (long) count)));
		}
		System.arraycopy(buffer, from, body, length, count);
		length += count;
	}

	@Override
	public boolean complete() {
		return state == State.DONE;
	}

	@Override
	public byte[] body() {
		return Arrays.copyOf(body, length);
	}

	@Override
	public long received() {
		return length;
	}
}
