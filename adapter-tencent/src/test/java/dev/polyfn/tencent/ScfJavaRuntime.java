package dev.polyfn.tencent;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.polyfn.core.events.JsonEvents;

/**
 * What the SCF Java runtime does with an unpacked code package, as far as a handler can tell: the package root and
 * {@code lib/*.jar} on a class loader of their own, the class of the handler string {@code pkg.Class::method}
 * instantiated once, the event JSON bound to the method's first parameter type, and a
 * {@code com.qcloud.scf.runtime.Context} (the package's own interface, implemented here as a proxy) as the second.
 */
final class ScfJavaRuntime implements AutoCloseable {

	private final URLClassLoader loader;
	private final Object handler;
	private final Method method;
	private final Class<?> contextType;

	ScfJavaRuntime(Path code, String handlerString) throws Exception {
		List<URL> urls = new ArrayList<>();
		urls.add(code.toUri().toURL());
		try (Stream<Path> jars = Files.list(code.resolve("lib"))) {
			for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) {
				urls.add(jar.toUri().toURL());
			}
		}
		// Only the platform classes as parent: nothing from this test's class path leaks in.
		this.loader = new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
		String[] parts = handlerString.split("::");
		Class<?> type = loader.loadClass(parts[0]);
		this.method = Stream.of(type.getMethods()).filter(m -> m.getName().equals(parts[1])).findFirst()
				.orElseThrow(() -> new IllegalStateException("No method " + parts[1] + " in " + parts[0]));
		this.contextType = loader.loadClass("com.qcloud.scf.runtime.Context");
		this.handler = type.getConstructor().newInstance();
	}

	Class<?>[] parameterTypes() {
		return method.getParameterTypes();
	}

	/** Invokes the handler with an event; what the function threw is rethrown as it is. */
	Object invoke(byte[] eventJson, String requestId) throws Throwable {
		Object event = bind(eventJson, method.getParameterTypes()[0]);
		Object[] args = method.getParameterCount() == 2 ? new Object[] { event, context(requestId) } : new Object[] { event };
		Thread thread = Thread.currentThread();
		ClassLoader previous = thread.getContextClassLoader();
		thread.setContextClassLoader(loader);
		try {
			return method.invoke(handler, args);
		}
		catch (InvocationTargetException thrown) {
			throw thrown.getCause();
		}
		finally {
			thread.setContextClassLoader(previous);
		}
	}

	private static Object bind(byte[] json, Class<?> parameterType) {
		if (parameterType == String.class) {
			return new String(json, java.nio.charset.StandardCharsets.UTF_8);
		}
		if (Map.class.isAssignableFrom(parameterType)) {
			return JsonEvents.mapper().readValue(json, LinkedHashMap.class);
		}
		throw new IllegalStateException("This emulation binds String and Map parameters, not " + parameterType);
	}

	private Object context(String requestId) {
		return Proxy.newProxyInstance(loader, new Class<?>[] { contextType }, (proxy, m, a) -> switch (m.getName()) {
			case "getRequestId" -> requestId;
			case "getTimeLimitInMs" -> 30_000;
			case "getMemoryLimitInMb" -> 1024;
			case "toString" -> "ScfContext[" + requestId + "]";
			case "hashCode" -> System.identityHashCode(proxy);
			case "equals" -> proxy == a[0];
			default -> throw new UnsupportedOperationException(m.getName());
		});
	}

	@Override
	public void close() throws IOException {
		loader.close();
	}
}
