package dev.polyfn.gcp;

import java.util.function.Supplier;

import dev.polyfn.core.boot.PolyfnRuntime;
import dev.polyfn.core.invoke.InvocationContext;

/**
 * What every GCP entry shares per instance: the application context, started once per process, and the
 * invocation context of one request.
 *
 * <p>The Functions Framework loads the function from its own class loader (a child of one that exposes only the
 * Functions Framework and CloudEvents API classes). Spring, Jackson and logging look classes and resources up
 * through the thread's context class loader, which is the framework's own when it instantiates the entry
 * class, so start-up and every call run with this jar's class loader as the context class loader.
 */
final class GcpInstance {

	static final String CLOUD = "gcp";

	/** gen2 functions are Cloud Run services; K_SERVICE is the function's name there (and on gen1). */
	private static final String FUNCTION_NAME = System.getenv("K_SERVICE");

	private GcpInstance() {
	}

	static PolyfnRuntime runtime() {
		return withOwnClassLoader(() -> PolyfnRuntime.shared(CLOUD));
	}

	static InvocationContext context(String requestId) {
		return InvocationContext.of(CLOUD, requestId, FUNCTION_NAME);
	}

	static <T> T withOwnClassLoader(Supplier<T> work) {
		Thread thread = Thread.currentThread();
		ClassLoader previous = thread.getContextClassLoader();
		ClassLoader own = GcpInstance.class.getClassLoader();
		if (previous == own) {
			return work.get();
		}
		thread.setContextClassLoader(own);
		try {
			return work.get();
		}
		finally {
			thread.setContextClassLoader(previous);
		}
	}
}
