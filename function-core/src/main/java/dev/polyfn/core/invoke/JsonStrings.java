package dev.polyfn.core.invoke;

/** JSON string quoting for the few bodies polyfn writes without a mapper (errors must never fail to write). */
public final class JsonStrings {

	private JsonStrings() {
	}

	public static String quote(String value) {
		if (value == null) {
			return "null";
		}
		return appendQuoted(new StringBuilder(value.length() + 2), value).toString();
	}

	/** Appends the value as a JSON string literal (quotes included). */
	public static StringBuilder appendQuoted(StringBuilder out, String value) {
		out.append('"');
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				case '\n' -> out.append("\\n");
				case '\r' -> out.append("\\r");
				case '\t' -> out.append("\\t");
				default -> {
					if (c < 0x20) {
						out.append(String.format("\\u%04x", (int) c));
					}
					else {
						out.append(c);
					}
				}
			}
		}
		return out.append('"');
	}
}
