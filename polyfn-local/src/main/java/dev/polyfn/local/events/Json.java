package dev.polyfn.local.events;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds the ordered JSON objects the sample events are made of. */
final class Json {

	private Json() {
	}

	/** An object from name/value pairs, in that order. */
	static Map<String, Object> object(Object... pairs) {
		Map<String, Object> map = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			map.put((String) pairs[i], pairs[i + 1]);
		}
		return map;
	}

	static List<Object> array(Object... items) {
		return List.of(items);
	}
}
