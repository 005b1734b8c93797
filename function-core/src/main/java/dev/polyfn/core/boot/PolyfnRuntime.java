package dev.polyfn.core.boot;

import java.util.LinkedHashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.BeansException;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.io.DefaultResourceLoader;

import dev.polyfn.core.http.HttpFunctionHandler;
import dev.polyfn.core.invoke.FunctionInvoker;
import dev.polyfn.core.logging.PolyfnLogging;

/**
 * The application context of a function instance, started once per process for adapters whose cloud
 * instantiates a handler class (Lambda, Azure, GCP, SCF event functions). Concurrent first calls start it
 * once; a failed start is not kept, so the next call tries again and reports the cause.
 */
public final class PolyfnRuntime implements AutoCloseable {

	private static final Object LOCK = new Object();

	// volatile + double-checked start: a reader sees either null or a fully started runtime.
	private static volatile PolyfnRuntime shared;

	private final ConfigurableApplicationContext context;
	private final FunctionInvoker invoker;
	private final HttpFunctionHandler http;

	private PolyfnRuntime(ConfigurableApplicationContext context) {
		this.context = context;
		this.invoker = context.getBean(FunctionInvoker.class);
		this.http = context.getBean(HttpFunctionHandler.class);
	}

	/** The process-wide runtime for a cloud adapter, started on first use. */
	public static PolyfnRuntime shared(String cloud) {
		PolyfnRuntime runtime = shared;
		if (runtime != null) {
			return runtime;
		}
		synchronized (LOCK) {
			if (shared == null) {
				ClassLoader loader = PolyfnRuntime.class.getClassLoader();
				selectLogging(loader, Map.of());
				shared = start(ApplicationClassLocator.locate(loader), cloud, Map.of());
			}
			return shared;
		}
	}

	/**
	 * Starts a runtime for the given application class without the HTTP server (the cloud invokes us): light
	 * (no auto-configuration scan) unless {@code polyfn.bootstrap} / {@code POLYFN_BOOTSTRAP} is {@code boot}.
	 */
	public static PolyfnRuntime start(Class<?> applicationClass, String cloud, Map<String, Object> properties) {
		long started = System.nanoTime();
		Map<String, Object> defaults = new LinkedHashMap<>();
		defaults.put("polyfn.http.enabled", "false");
		defaults.put("polyfn.cloud", cloud);
		defaults.putAll(properties);
		boolean boot = fullBoot(properties);
		// Before the first logger of the process: SLF4J binds once. The full bootstrap keeps Logback, which Boot expects.
		boolean polyfnLogging = selectLogging(applicationClass.getClassLoader(), properties);
		ConfigurableApplicationContext context;
		try {
			if (boot) {
				LogbackStatus.quiet();
				context = startBoot(applicationClass, defaults);
			}
			else {
				context = LightContextFactory.start(applicationClass, defaults, polyfnLogging);
			}
		}
		catch (BeansException failed) {
			// The cloud shows one line of a failed init: make it the cause (a wrong setting, a failing bean), not
			// Spring's "Error creating bean with name ..." wrapper around it.
			Throwable cause = NestedExceptionUtils.getMostSpecificCause(failed);
			throw new IllegalStateException(cause == failed ? failed.getMessage() : cause.getMessage(), failed);
		}
		PolyfnRuntime runtime = new PolyfnRuntime(context);
		Logger log = LoggerFactory.getLogger(PolyfnRuntime.class);
		log.info("polyfn started {} for {} in {} ms with functions {}", applicationClass.getSimpleName(), cloud,
				(System.nanoTime() - started) / 1_000_000, runtime.invoker.functionNames());
		return runtime;
	}

	/**
	 * Chooses the logging binding before anything creates a logger (SLF4J binds once per process): polyfn's own
	 * unless Logback is asked for; the full bootstrap keeps Logback, which Spring Boot's logging system expects.
	 */
	static boolean selectLogging(ClassLoader loader, Map<String, Object> properties) {
		// A cloud package without the application's own logback.xml has no Logback: then even the full bootstrap
		// logs through polyfn's binding (SLF4J would otherwise drop every line for want of a provider).
		if (fullBoot(properties) && PolyfnLogging.hasLogback(loader)) {
			return false;
		}
		return PolyfnLogging.select(loader);
	}

	static boolean fullBoot(Map<String, Object> properties) {
		Object configured = properties.getOrDefault("polyfn.bootstrap",
				System.getProperty("polyfn.bootstrap", System.getenv("POLYFN_BOOTSTRAP")));
		return configured != null && "boot".equalsIgnoreCase(configured.toString().trim());
	}

	private static ConfigurableApplicationContext startBoot(Class<?> applicationClass, Map<String, Object> defaults) {
		return new SpringApplicationBuilder(applicationClass)
				.resourceLoader(new DefaultResourceLoader(applicationClass.getClassLoader()))
				.web(WebApplicationType.NONE)
				.bannerMode(Banner.Mode.OFF)
				.logStartupInfo(false)
				.registerShutdownHook(false)
				.properties(defaults)
				.run();
	}

	/** Closes the shared runtime (pre-stop hooks, tests). */
	public static void closeShared() {
		synchronized (LOCK) {
			if (shared != null) {
				shared.close();
				shared = null;
			}
		}
	}

	public ConfigurableApplicationContext context() {
		return context;
	}

	public FunctionInvoker invoker() {
		return invoker;
	}

	public HttpFunctionHandler http() {
		return http;
	}

	@Override
	public void close() {
		context.close();
	}
}
