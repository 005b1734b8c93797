package dev.polyfn.core.http;

/** RFC 9110 tokens (methods, header names), checked before one is echoed in a message or a log. */
final class RequestTokens {

	private RequestTokens() {
	}

	static boolean isToken(String text) {
		if (text == null || text.isEmpty() || text.length() > 32) {
			return false;
		}
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
					|| "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
			if (!ok) {
				return false;
			}
		}
		return true;
	}
}
