package dev.polyfn.conformance;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

import dev.polyfn.core.boot.PolyfnRuntime;
import dev.polyfn.core.invoke.FunctionInvoker;

/**
 * The process-wide runtime the handler-class adapters (Lambda, Azure, GCP, SCF event functions) share, "deployed"
 * with a given {@code SPRING_CLOUD_FUNCTION_DEFINITION}. On a cloud every event function is its own deployment
 * with its own definition; in this one test JVM the kit re-deploys by closing the shared runtime and starting it
 * again with the definition the next call needs (null: none configured, what HTTP triggers routing by path use).
 *
 * <p>Entry objects hold the runtime they started with, so they are made here and dropped on every re-deployment,
 * as a cloud makes a new instance for a new deployment. Calls are sequential (JUnit runs the matrix in order).
 */
public final class SharedRuntime {

	private static String deployed;
	private static boolean started;
	private static final Map<Object, Object> entries = new HashMap<>();

	private SharedRuntime() {
	}

	/**
	 * The entry object for {@code key} in a runtime deployed with {@code definition}, made by {@code create} (which
	 * must start the shared runtime, as a cloud's instance start does) when the deployment changed.
	 */
	@SuppressWarnings("unchecked")
	public static synchronized <T> T entry(String definition, Object key, Supplier<T> create) {
		if (!started || !Objects.equals(deployed, definition)) {
			PolyfnRuntime.closeShared();
			entries.clear();
			deployed = definition;
			started = true;
		}
		return (T) entries.computeIfAbsent(key, k -> {
			// Read only while the runtime starts: the other runtimes the kit starts must not inherit it.
			if (definition != null) {
				System.setProperty(FunctionInvoker.DEFINITION_PROPERTY, definition);
			}
			try {
				return create.get();
			}
			finally {
				System.clearProperty(FunctionInvoker.DEFINITION_PROPERTY);
			}
		});
	}
}
