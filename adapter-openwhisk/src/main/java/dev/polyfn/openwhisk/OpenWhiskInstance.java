package dev.polyfn.openwhisk;

import dev.polyfn.core.boot.PolyfnRuntime;
import dev.polyfn.core.invoke.InvocationContext;

/**
 * What every activation of one action container shares: the application context, started on the first
 * activation (the proxy's {@code /init} only loads the entry class, it runs none of its code) and kept for the
 * container's life, and the invocation context of one activation.
 *
 * <p>The proxy copies the {@code /run} fields other than {@code value} into the environment as {@code __OW_*}
 * (activation id, action name, deadline) by rewriting {@code System.getenv()}'s map through reflection, which
 * Java 16 and later refuse unless {@code java.util} is opened to it (apache/openwhisk-runtime-java
 * core/java8/proxy .../JarLoader.java {@code augmentEnv}, which ignores the failure; read 2026-12-03). So they may
 * be missing: a random id stands in for the activation id then.
 */
final class OpenWhiskInstance {

	static final String CLOUD = "openwhisk";

	private OpenWhiskInstance() {
	}

	static PolyfnRuntime runtime() {
		return PolyfnRuntime.shared(CLOUD);
	}

	static InvocationContext context() {
		return InvocationContext.of(CLOUD, System.getenv("__OW_ACTIVATION_ID"), System.getenv("__OW_ACTION_NAME"));
	}
}
