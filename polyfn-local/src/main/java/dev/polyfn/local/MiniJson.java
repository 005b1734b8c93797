package dev.polyfn.local;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Just enough JSON for the local runtimes, which must not bring a JSON library onto a function's class path or a
 * Maven plugin's: parsing events into the {@code Map}/{@code List}/{@code String}/{@code Number}/{@code Boolean}
 * trees a platform's Java runtime binds (integers as Integer, Long or BigInteger by size, decimals as Double, as
 * Jackson's defaults), and writing such trees back.
 */
public final class MiniJson {

	private final String text;
	private int at;

	private MiniJson(String text) {
		this.text = text;
	}

	public static Object parse(String text) {
		MiniJson parser = new MiniJson(text);
		parser.space();
		Object value = parser.value();
		parser.space();
		if (parser.at != text.length()) {
			throw parser.error("unexpected text after the value");
		}
		return value;
	}

	/** Whether {@code text} is one JSON object. */
	public static boolean isObject(String text) {
		try {
			return parse(text) instanceof Map;
		}
		catch (IllegalArgumentException notJson) {
			return false;
		}
	}

	public static String write(Object value) {
		StringBuilder out = new StringBuilder();
		write(value, out);
		return out.toString();
	}

	public static String quote(String value) {
		StringBuilder out = new StringBuilder();
		quote(value, out);
		return out.toString();
	}

	private static void write(Object value, StringBuilder out) {
		if (value == null) {
			out.append("null");
		}
		else if (value instanceof String s) {
			quote(s, out);
		}
		else if (value instanceof Number || value instanceof Boolean) {
			out.append(value);
		}
		else if (value instanceof Map<?, ?> map) {
			out.append('{');
			boolean first = true;
			for (Map.Entry<?, ?> entry : map.entrySet()) {
				if (!first) {
					out.append(',');
				}
				first = false;
				quote(String.valueOf(entry.getKey()), out);
				out.append(':');
				write(entry.getValue(), out);
			}
			out.append('}');
		}
		else if (value instanceof Iterable<?> list) {
			out.append('[');
			boolean first = true;
			for (Object item : list) {
				if (!first) {
					out.append(',');
				}
				first = false;
				write(item, out);
			}
			out.append(']');
		}
		else {
			quote(value.toString(), out);
		}
	}

	private static void quote(String s, StringBuilder out) {
		out.append('"');
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				case '\n' -> out.append("\\n");
				case '\r' -> out.append("\\r");
				case '\t' -> out.append("\\t");
				case '\b' -> out.append("\\b");
				case '\f' -> out.append("\\f");
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
		out.append('"');
	}

	private Object value() {
		if (at >= text.length()) {
			throw error("unexpected end");
		}
		char c = text.charAt(at);
		return switch (c) {
			case '{' -> object();
			case '[' -> array();
			case '"' -> string();
			case 't' -> literal("true", Boolean.TRUE);
			case 'f' -> literal("false", Boolean.FALSE);
			case 'n' -> literal("null", null);
			default -> number();
		};
	}

	private Map<String, Object> object() {
		Map<String, Object> map = new LinkedHashMap<>();
		at++;
		space();
		if (peek('}')) {
			at++;
			return map;
		}
		while (true) {
			space();
			if (!peek('"')) {
				throw error("expected a member name");
			}
			String key = string();
			space();
			expect(':');
			space();
			map.put(key, value());
			space();
			if (peek(',')) {
				at++;
				continue;
			}
			expect('}');
			return map;
		}
	}

	private List<Object> array() {
		List<Object> list = new ArrayList<>();
		at++;
		space();
		if (peek(']')) {
			at++;
			return list;
		}
		while (true) {
			space();
			list.add(value());
			space();
			if (peek(',')) {
				at++;
				continue;
			}
			expect(']');
			return list;
		}
	}

	private String string() {
		at++;
		StringBuilder out = new StringBuilder();
		while (at < text.length()) {
			char c = text.charAt(at++);
			if (c == '"') {
				return out.toString();
			}
			if (c != '\\') {
				out.append(c);
				continue;
			}
			if (at >= text.length()) {
				break;
			}
			char e = text.charAt(at++);
			switch (e) {
				case 'n' -> out.append('\n');
				case 'r' -> out.append('\r');
				case 't' -> out.append('\t');
				case 'b' -> out.append('\b');
				case 'f' -> out.append('\f');
				case 'u' -> {
					if (at + 4 > text.length()) {
						throw error("short \\u escape");
					}
					out.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
					at += 4;
				}
				default -> out.append(e);
			}
		}
		throw error("unterminated string");
	}

	private Object number() {
		int start = at;
		while (at < text.length() && "+-0123456789.eE".indexOf(text.charAt(at)) >= 0) {
			at++;
		}
		String n = text.substring(start, at);
		if (n.isEmpty()) {
			throw error("unexpected character '" + text.charAt(start) + "'");
		}
		try {
			if (n.contains(".") || n.contains("e") || n.contains("E")) {
				return Double.valueOf(n);
			}
			BigInteger value = new BigInteger(n);
			if (value.bitLength() < 32) {
				return value.intValue();
			}
			return value.bitLength() < 64 ? (Object) value.longValue() : value;
		}
		catch (NumberFormatException e) {
			throw error("bad number " + n);
		}
	}

	private Object literal(String word, Object value) {
		if (!text.startsWith(word, at)) {
			throw error("unexpected text");
		}
		at += word.length();
		return value;
	}

	private boolean peek(char c) {
		return at < text.length() && text.charAt(at) == c;
	}

	private void expect(char c) {
		if (!peek(c)) {
			throw error("expected '" + c + "'");
		}
		at++;
	}

	private void space() {
		while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
			at++;
		}
	}

	private IllegalArgumentException error(String what) {
		return new IllegalArgumentException("Not JSON at offset " + at + ": " + what);
	}
}
