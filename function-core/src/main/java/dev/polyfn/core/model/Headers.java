package dev.polyfn.core.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Multi-value HTTP headers, matched without regard to case (as HTTP requires) but kept in the case and order
 * they arrived in, so an adapter can hand them back to a cloud unchanged.
 */
public final class Headers {

	private final Map<String, Entry> entries = new LinkedHashMap<>();

	private record Entry(String name, List<String> values) {
	}

	public static Headers of(Map<String, ? extends List<String>> multiValue) {
		Headers headers = new Headers();
		if (multiValue != null) {
			multiValue.forEach((name, values) -> {
				if (values != null) {
					values.forEach(value -> headers.add(name, value));
				}
			});
		}
		return headers;
	}

	public Headers add(String name, String value) {
		if (name == null || value == null) {
			return this;
		}
		entries.computeIfAbsent(key(name), k -> new Entry(name, new ArrayList<>(1))).values().add(value);
		return this;
	}

	/** Adds a header not seen before; false (and nothing added) when the name is already there. */
	public boolean addNew(String name, String value) {
		if (name == null || value == null) {
			return true;
		}
		List<String> values = new ArrayList<>(1);
		values.add(value);
		return entries.putIfAbsent(key(name), new Entry(name, values)) == null;
	}

	public Headers set(String name, String value) {
		remove(name);
		return add(name, value);
	}

	public Headers remove(String name) {
		entries.remove(key(name));
		return this;
	}

	/** The first value of the header, or null. */
	public String first(String name) {
		Entry entry = entries.get(key(name));
		return entry == null || entry.values().isEmpty() ? null : entry.values().get(0);
	}

	public List<String> all(String name) {
		Entry entry = entries.get(key(name));
		return entry == null ? List.of() : Collections.unmodifiableList(entry.values());
	}

	public boolean contains(String name) {
		return entries.containsKey(key(name));
	}

	public boolean isEmpty() {
		return entries.isEmpty();
	}

	/** Header names as they arrived. */
	public Set<String> names() {
		Set<String> names = new java.util.LinkedHashSet<>();
		entries.values().forEach(e -> names.add(e.name()));
		return names;
	}

	public void forEach(BiConsumer<String, List<String>> action) {
		entries.values().forEach(e -> action.accept(e.name(), Collections.unmodifiableList(e.values())));
	}

	/** A copy as name → values, names as they arrived. */
	public Map<String, List<String>> toMap() {
		Map<String, List<String>> map = new LinkedHashMap<>();
		entries.values().forEach(e -> map.put(e.name(), List.copyOf(e.values())));
		return map;
	}

	public Headers copy() {
		Headers copy = new Headers();
		forEach((name, values) -> values.forEach(v -> copy.add(name, v)));
		return copy;
	}

	private static String key(String name) {
		// The one name every request and response looks up, spelled as HTTP writes it: no new string per look-up.
		return "Content-Type".equals(name) ? "content-type" : name.toLowerCase(Locale.ROOT);
	}

	@Override
	public String toString() {
		return toMap().toString();
	}
}
