package dev.polyfn.core.model;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Parses and builds URL query strings; every cloud hands them over in a different shape. */
public final class QueryString {

	private QueryString() {
	}

	public static Map<String, List<String>> parse(String rawQuery) {
		Map<String, List<String>> params = new LinkedHashMap<>();
		if (rawQuery == null || rawQuery.isEmpty()) {
			return params;
		}
		for (String pair : rawQuery.split("&")) {
			if (pair.isEmpty()) {
				continue;
			}
			int eq = pair.indexOf('=');
			String name = decode(eq < 0 ? pair : pair.substring(0, eq));
			String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
			params.computeIfAbsent(name, k -> new ArrayList<>(1)).add(value);
		}
		return params;
	}

	public static String build(Map<String, List<String>> params) {
		if (params == null || params.isEmpty()) {
			return "";
		}
		StringBuilder query = new StringBuilder();
		params.forEach((name, values) -> {
			for (String value : values) {
				if (query.length() > 0) {
					query.append('&');
				}
				query.append(encode(name)).append('=').append(encode(value));
			}
		});
		return query.toString();
	}

	/** URL-decodes leniently: a malformed escape is kept as it is rather than failing the whole request. */
	public static String decode(String value) {
		try {
			return URLDecoder.decode(value, StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException malformed) {
			return value;
		}
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
	}
}
