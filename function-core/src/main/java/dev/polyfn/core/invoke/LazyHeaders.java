package dev.polyfn.core.invoke;

import java.util.AbstractMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Headers a function sees only if it takes a {@code Message} (or a composition passes them on), built on first
 * look: most functions take the payload, and building the maps was a fifth of the pipeline's per-call cost.
 * Read-only; thread-confined to one invocation.
 */
public final class LazyHeaders extends AbstractMap<String, Object> {

	private final Supplier<Map<String, Object>> source;
	private Map<String, Object> built;

	private LazyHeaders(Supplier<Map<String, Object>> source) {
		this.source = source;
	}

	public static Map<String, Object> of(Supplier<Map<String, Object>> source) {
		return new LazyHeaders(source);
	}

	private Map<String, Object> headers() {
		if (built == null) {
			built = source.get();
		}
		return built;
	}

	@Override
	public Set<Entry<String, Object>> entrySet() {
		return headers().entrySet();
	}

	@Override
	public Object get(Object key) {
		return headers().get(key);
	}

	@Override
	public boolean containsKey(Object key) {
		return headers().containsKey(key);
	}

	@Override
	public int size() {
		return headers().size();
	}
}
