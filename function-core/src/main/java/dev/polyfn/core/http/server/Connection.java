package dev.polyfn.core.http.server;

import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * One client connection's state, touched only by the server's I/O thread (except {@link #gone}, which a worker
 * reads): the bytes read and not yet used, the request being read, the response being written.
 */
final class Connection {

	enum State {
		/** Between requests: waiting for the first byte of the next one. */
		IDLE,
		/** Reading a request line and headers. */
		HEAD,
		/** Reading a body. */
		BODY,
		/** A worker runs the request. */
		BUSY,
		/** Writing the response. */
		WRITING,
		/** Answered and half-closed: reading what the client still sends, so it gets the answer, not a reset. */
		CLOSING
	}

	final SocketChannel channel;
	final SelectionKey key;
	byte[] in = new byte[8192];
	int start;
	int end;
	State state = State.IDLE;
	long deadline;
	RequestHead head;
	BodyReader body;
	final ArrayDeque<ByteBuffer> out = new ArrayDeque<>(2);
	boolean closeAfterWrite;
	long discarded;
	boolean closed;
	volatile boolean gone;

	Connection(SocketChannel channel, SelectionKey key) {
		this.channel = channel;
		this.key = key;
	}

	/** Room to read into: compacts, then grows up to {@code max} bytes; false when full. */
	boolean makeRoom(int max) {
		if (start == end) {
			start = 0;
			end = 0;
		}
		if (end < in.length) {
			return true;
		}
		if (start > 0) {
			System.arraycopy(in, start, in, 0, end - start);
			end -= start;
			start = 0;
			return true;
		}
		if (in.length < max) {
			in = Arrays.copyOf(in, Math.min(max, in.length * 2));
			return true;
		}
		return false;
	}

	boolean buffered() {
		return start < end;
	}

	void nextRequest(long idleDeadline) {
		state = State.IDLE;
		head = null;
		body = null;
		deadline = idleDeadline;
	}
}
