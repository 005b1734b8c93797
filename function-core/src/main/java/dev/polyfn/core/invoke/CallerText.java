package dev.polyfn.core.invoke;

/**
 * Text a caller chose (a request id header, a function name from a URL path) made safe to log and to answer
 * with: only characters that cannot forge a log line or drive a terminal (no ANSI escapes, no line breaks), and
 * bounded, so 5,000 characters of id do not become 5,000 characters in every line.
 */
public final class CallerText {

	/** Longer than any cloud's request id (UUIDs are 36; X-Ray trace headers about 90). */
	public static final int MAX_REQUEST_ID = 128;

	private static final String ID_PUNCTUATION = "-_.:/+=@~;,";

	private CallerText() {
	}

	/** A request id as given when it is plain, else with each unsafe character replaced by {@code _}; cut at 128. */
	public static String requestId(String id) {
		if (id == null) {
			return null;
		}
		int length = Math.min(id.length(), MAX_REQUEST_ID);
		StringBuilder safe = null;
		for (int i = 0; i < length; i++) {
			char c = id.charAt(i);
			boolean plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
					|| ID_PUNCTUATION.indexOf(c) >= 0;
			if (!plain && safe == null) {
				safe = new StringBuilder(length).append(id, 0, i);
			}
			if (safe != null) {
				safe.append(plain ? c : '_');
			}
		}
		return safe != null ? safe.toString() : id.length() > length ? id.substring(0, length) : id;
	}

	/** Printable ASCII only (others become {@code ?}), at most {@code max} characters, for messages and logs. */
	public static String excerpt(String text, int max) {
		if (text == null) {
			return null;
		}
		StringBuilder safe = new StringBuilder(Math.min(text.length(), max) + 3);
		for (int i = 0; i < text.length() && safe.length() < max; i++) {
			char c = text.charAt(i);
			safe.append(c >= 0x20 && c < 0x7F ? c : '?');
		}
		return text.length() > max ? safe.append("...").toString() : safe.toString();
	}
}
