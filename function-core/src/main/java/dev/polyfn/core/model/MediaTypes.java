package dev.polyfn.core.model;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** The few content-type facts the pipeline and the adapters need, without a web framework. */
public final class MediaTypes {

	public static final String JSON = "application/json";
	public static final String TEXT_PLAIN_UTF8 = "text/plain;charset=UTF-8";
	public static final String OCTET_STREAM = "application/octet-stream";
	public static final String CLOUDEVENTS_JSON = "application/cloudevents+json";

	private MediaTypes() {
	}

	/** The type/subtype in lower case, without parameters; null for null or blank input. */
	public static String baseType(String contentType) {
		if (contentType == null || contentType.isBlank()) {
			return null;
		}
		if (contentType.equals(TEXT_PLAIN_UTF8)) {
			return "text/plain"; // what text functions answer: their every response asks
		}
		int semicolon = contentType.indexOf(';');
		String base = semicolon < 0 ? contentType : contentType.substring(0, semicolon);
		return base.trim().toLowerCase(Locale.ROOT);
	}

	public static boolean isJson(String contentType) {
		String base = baseType(contentType);
		return base != null && (base.equals(JSON) || base.endsWith("+json") || base.endsWith("/json"));
	}

	/** Text-like types: a body of one of these can travel as a plain string. */
	public static boolean isText(String contentType) {
		String base = baseType(contentType);
		if (base == null) {
			return true;
		}
		return base.startsWith("text/") || isJson(base) || base.endsWith("+xml") || base.endsWith("/xml")
				|| base.equals("application/javascript") || base.equals("application/x-www-form-urlencoded")
				|| base.equals("application/graphql") || base.equals("application/yaml");
	}

	public static Charset charset(String contentType, Charset fallback) {
		if (contentType == null) {
			return fallback;
		}
		if (contentType.equals(TEXT_PLAIN_UTF8)) {
			return StandardCharsets.UTF_8;
		}
		// Scanned in place, no splitting: this runs for every text body a cloud response carries.
		int at = indexOfIgnoreCase(contentType, "charset=");
		if (at < 0) {
			return fallback;
		}
		int end = contentType.indexOf(';', at);
		String name = contentType.substring(at + 8, end < 0 ? contentType.length() : end).replace("\"", "").trim();
		if (name.equalsIgnoreCase("UTF-8")) {
			return StandardCharsets.UTF_8;
		}
		try {
			return Charset.forName(name);
		}
		catch (RuntimeException unknownCharset) {
			return fallback;
		}
	}

	/** Where a parameter named {@code part} starts: after a ';' and optional spaces, as a parameter must. */
	private static int indexOfIgnoreCase(String text, String part) {
		for (int i = 0, last = text.length() - part.length(); i <= last; i++) {
			if (text.regionMatches(true, i, part, 0, part.length()) && followsSemicolon(text, i)) {
				return i;
			}
		}
		return -1;
	}

	private static boolean followsSemicolon(String text, int at) {
		int i = at - 1;
		while (i >= 0 && Character.isWhitespace(text.charAt(i))) {
			i--;
		}
		return i >= 0 && text.charAt(i) == ';';
	}
}
