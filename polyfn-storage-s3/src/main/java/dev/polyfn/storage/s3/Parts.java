package dev.polyfn.storage.s3;

import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;

/**
 * A stream cut into parts of at most {@code partSize} bytes, each read whole into memory: S3 needs each request's
 * length up front, and an in-memory part can be sent again when the client retries. So an upload of any length,
 * known or not, holds one part in the heap at a time, and a stream that does not have the length it was declared
 * with fails before the object is written.
 */
final class Parts {

	private final PushbackInputStream in;
	private final int partSize;
	private final long declaredLength;
	private long read;

	Parts(InputStream in, int partSize, long declaredLength) {
		this.in = new PushbackInputStream(in, 1);
		this.partSize = partSize;
		this.declaredLength = declaredLength;
	}

	/** The next part; the last one may be shorter, and the first of an empty stream is empty. */
	byte[] next() throws IOException {
		byte[] part = in.readNBytes(partSize);
		read += part.length;
		if (declaredLength >= 0 && read > declaredLength) {
			throw new IOException("The stream is longer than its declared length " + declaredLength);
		}
		if (declaredLength >= 0 && ended() && read != declaredLength) {
			throw new IOException("The stream ended after " + read + " of its declared " + declaredLength + " bytes");
		}
		return part;
	}

	/** Whether the stream has no byte left. */
	boolean ended() throws IOException {
		int next = in.read();
		if (next < 0) {
			return true;
		}
		in.unread(next);
		return false;
	}

	long bytesRead() {
		return read;
	}
}
