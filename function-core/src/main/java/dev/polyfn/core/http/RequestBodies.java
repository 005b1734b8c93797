package dev.polyfn.core.http;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads a request body under the body limit, for every HTTP server polyfn runs in (its own, the Functions
 * Framework's): a declared length within the limit is read into one array of that size, not in
 * {@code readNBytes}' 8 KB chunks per request; an unknown length (chunked) or one over the limit is read one byte
 * past the limit at most, enough to tell "too large" without buffering all of it.
 */
public final class RequestBodies {

	private RequestBodies() {
	}

	/** The body; longer than {@code limit} means too large. {@code declaredLength} is -1 when unknown. */
	public static byte[] read(InputStream in, long declaredLength, long limit) throws IOException {
		if (declaredLength >= 0 && declaredLength <= limit) {
			byte[] body = new byte[(int) declaredLength];
			int read = in.readNBytes(body, 0, body.length);
			return read == body.length ? body : Arrays.copyOf(body, read);
		}
		return in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
	}
}
