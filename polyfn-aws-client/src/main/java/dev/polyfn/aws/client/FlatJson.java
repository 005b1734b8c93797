package dev.polyfn.aws.client;

/**
 * Reads one string member of a small flat JSON object (the credentials endpoint's answer) without a JSON library:
 * this module depends on the JDK alone.
 */
final class FlatJson {

	private FlatJson() {
	}

	/** The string value of {@code "name"} at the object's top level, unescaped; null when absent or not a string. */
	static String string(String json, String name) {
		String quoted = "\"" + name + "\"";
		int at = 0;
		while ((at = json.indexOf(quoted, at)) >= 0) {
			int colon = skipSpaces(json, at + quoted.length());
			if (colon < json.length() && json.charAt(colon) == ':') {
				int start = skipSpaces(json, colon + 1);
				return start < json.length() && json.charAt(start) == '"' ? unescape(json, start + 1) : null;
			}
			at += quoted.length();
		}
		return null;
	}

	private static int skipSpaces(String json, int from) {
		int i = from;
		while (i < json.length() && Character.isWhitespace(json.charAt(i))) {
			i++;
		}
		return i;
	}

	private static String unescape(String json, int from) {
		StringBuilder value = new StringBuilder();
		for (int i = from; i < json.length(); i++) {
			char c = json.charAt(i);
			if (c == '"') {
				return value.toString();
			}
			if (c == '\\' && i + 1 < json.length()) {
				char escaped = json.charAt(++i);
				switch (escaped) {
					case 'n' -> value.append('\n');
					case 't' -> value.append('\t');
					case 'r' -> value.append('\r');
					case 'b' -> value.append('\b');
					case 'f' -> value.append('\f');
					case 'u' -> {
						value.append((char) Integer.parseInt(json.substring(i + 1, i + 5), 16));
						i += 4;
					}
					default -> value.append(escaped);
				}
			}
			else {
				value.append(c);
			}
		}
		return null;
	}
}
