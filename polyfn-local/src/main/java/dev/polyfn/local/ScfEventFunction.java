package dev.polyfn.local;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What the SCF Java runtime (Java17/Java21 event functions) does with an unpacked code package, as far as a handler
 * can tell: the package root and {@code lib/*.jar} on a class loader of their own (platform classes only as
 * parent), the class of the handler string {@code pkg.Class::method} made once, the event JSON bound to the
 * method's first parameter ({@code String} or {@code Map}), a {@code com.qcloud.scf.runtime.Context} (the
 * package's own interface, answered here by a proxy) as the second, and the result written back as JSON.
 *
 * <p>{@link #main} runs one invocation in a JVM of its own, which is how {@code polyfn:invoke} uses it.
 */
public final class ScfEventFunction implements AutoCloseable {

	private final URLClassLoader loader;
	private final Object handler;
	private final Method method;
	private final Class<?> contextType;

	public ScfEventFunction(Path code, String handlerString) throws Exception {
		List<URL> urls = new ArrayList<>();
		urls.add(code.toUri().toURL());
		if (Files.isDirectory(code.resolve("lib"))) {
			try (Stream<Path> jars = Files.list(code.resolve("lib"))) {
				for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) {
					urls.add(jar.toUri().toURL());
				}
			}
		}
		this.loader = new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
		String[] parts = handlerString.split("::");
		if (parts.length != 2) {
			throw new IllegalArgumentException("An SCF handler is pkg.Class::method, not " + handlerString);
		}
		Class<?> type = loader.loadClass(parts[0]);
		this.method = Stream.of(type.getMethods()).filter(m -> m.getName().equals(parts[1])).findFirst()
				.orElseThrow(() -> new IllegalStateException("No method " + parts[1] + " in " + parts[0]));
		this.contextType = loader.loadClass("com.qcloud.scf.runtime.Context");
		this.handler = type.getConstructor().newInstance();
	}

	public Class<?>[] parameterTypes() {
		return method.getParameterTypes();
	}

	/** Invokes the handler with an event; what the function threw is rethrown as it is. */
	public Object invoke(byte[] eventJson, String requestId) throws Throwable {
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
		String text = new String(json, StandardCharsets.UTF_8);
		if (parameterType == String.class) {
			return text;
		}
		if (Map.class.isAssignableFrom(parameterType)) {
			Object tree = MiniJson.parse(text);
			if (!(tree instanceof Map)) {
				throw new IllegalArgumentException("The event is not a JSON object; SCF cannot bind it to a Map");
			}
			return new LinkedHashMap<>((Map<?, ?>) tree);
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

	/**
	 * {@code <code folder> <handler> <event file> <result file>}: one invocation; the result (or SCF's error shape
	 * {@code {"errorCode":-1,"errorMessage":...}}) is written as JSON to the result file, the invocation's
	 * milliseconds (the handler made, event bound and handled) to {@code <result file>.millis}; exit status 0, or 1
	 * when the handler threw.
	 */
	public static void main(String[] args) throws Exception {
		Path result = Path.of(args[3]);
		try (ScfEventFunction function = new ScfEventFunction(Path.of(args[0]), args[1])) {
			long loaded = System.nanoTime();
			Object answer;
			try {
				answer = function.invoke(Files.readAllBytes(Path.of(args[2])), java.util.UUID.randomUUID().toString());
			}
			catch (Throwable failed) {
				Map<String, Object> error = new LinkedHashMap<>();
				error.put("errorCode", -1);
				error.put("errorMessage", String.valueOf(failed.getMessage()));
				error.put("errorType", failed.getClass().getName());
				Files.writeString(result, MiniJson.write(error));
				System.exit(1);
				return;
			}
			long done = System.nanoTime();
			Files.writeString(result, answer instanceof String s ? s : MiniJson.write(answer));
			Files.writeString(Path.of(args[3] + ".millis"), String.valueOf((done - loaded) / 1e6));
		}
	}
}
