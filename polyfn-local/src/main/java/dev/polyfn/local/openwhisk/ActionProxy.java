package dev.polyfn.local.openwhisk;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The OpenWhisk Java action runtime's proxy, emulated from its source: apache/openwhisk-runtime-java
 * core/java17/proxy/src/main/java/org/apache/openwhisk/runtime/java/action/Proxy.java (read 2026-12-06). It runs in
 * a JVM of its own whose class path is this package and Gson, as the runtime's image runs its proxy jar with Gson
 * inside. {@code POST /init} takes {@code {"value": {"main", "code"}}} (the jar, base64) once; {@code POST /run}
 * takes {@code {"value": {...}}} plus the activation's fields, which go to the environment as {@code __OW_*}, and
 * answers the action's JSON object, or 502 with {@code {"error"}} when the action throws or returns null. Both
 * write the log markers the invoker reads after each activation.
 *
 * <p>For the adapter's tests, the conformance kit and {@code polyfn:invoke -Dpolyfn.cloud=openwhisk} ({@link
 * LocalActionRuntime}); it never ships. Usage: {@code java -cp polyfn-local.jar:gson.jar ActionProxy PORT} (Gson is
 * an optional dependency of this module: the caller hands in the runtime's Gson, as the image has its own).
 */
public final class ActionProxy {

	static final String END_OF_ACTIVATION = "XXX_THE_END_OF_A_WHISK_ACTIVATION_XXX";

	private volatile ActionJarLoader loader;

	public static void main(String[] args) throws IOException {
		start(Integer.parseInt(args[0]));
	}

	/**
	 * A proxy on 127.0.0.1 ({@code 0}: a free port): in a JVM of its own as above, or in the caller's (the
	 * conformance kit), where the action jar's class loader has the caller's class path as its parent, as the
	 * runtime's has the proxy's. Stop it with {@link HttpServer#stop}.
	 */
	public static HttpServer start(int port) throws IOException {
		HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), -1);
		ActionProxy proxy = new ActionProxy();
		server.createContext("/init", proxy::init);
		server.createContext("/run", proxy::run);
		server.start();
		return server;
	}

	private void init(HttpExchange exchange) throws IOException {
		if (loader != null) {
			writeError(exchange, "Cannot initialize the action more than once.");
			return;
		}
		try {
			JsonObject message = read(exchange).getAsJsonObject("value");
			if (message == null || !message.has("main") || !message.has("code")) {
				writeError(exchange, "Missing main/no code to execute.");
				return;
			}
			InputStream base64Jar = new java.io.ByteArrayInputStream(
					message.get("code").getAsString().getBytes(StandardCharsets.UTF_8));
			loader = new ActionJarLoader(ActionJarLoader.saveBase64EncodedFile(base64Jar),
					message.get("main").getAsString());
			write(exchange, 200, "OK");
		}
		catch (Exception e) {
			e.printStackTrace(System.err);
			writeLogMarkers();
			writeError(exchange, "An error has occurred (see logs for details): " + e);
		}
	}

	private void run(HttpExchange exchange) throws IOException {
		if (loader == null) {
			writeError(exchange, "Cannot invoke an uninitialized action.");
			return;
		}
		ClassLoader previous = Thread.currentThread().getContextClassLoader();
		try {
			JsonObject body = read(exchange);
			Map<String, String> env = new HashMap<>();
			for (Map.Entry<String, JsonElement> entry : body.entrySet()) {
				try {
					if (!entry.getKey().equalsIgnoreCase("value")) {
						env.put("__OW_" + entry.getKey().toUpperCase(Locale.ROOT), entry.getValue().getAsString());
					}
				}
				catch (Exception notAString) {
					// as the proxy does: a field that is not a string stays out of the environment
				}
			}
			Thread.currentThread().setContextClassLoader(loader);
			JsonObject output = loader.invokeMain(body.getAsJsonObject("value"), env);
			if (output == null) {
				throw new NullPointerException("The action returned null");
			}
			write(exchange, 200, output.toString());
		}
		catch (InvocationTargetException thrown) {
			thrown.getCause().printStackTrace(System.err);
			writeError(exchange, "An error has occurred while invoking the action (see logs for details): "
					+ thrown.getCause());
		}
		catch (Exception e) {
			e.printStackTrace(System.err);
			writeError(exchange, "An error has occurred (see logs for details): " + e);
		}
		finally {
			writeLogMarkers();
			Thread.currentThread().setContextClassLoader(previous);
		}
	}

	private static JsonObject read(HttpExchange exchange) throws IOException {
		try (InputStreamReader in = new InputStreamReader(exchange.getRequestBody(), StandardCharsets.UTF_8)) {
			return JsonParser.parseReader(in).getAsJsonObject();
		}
	}

	private static void writeError(HttpExchange exchange, String message) throws IOException {
		JsonObject error = new JsonObject();
		error.addProperty("error", message);
		write(exchange, 502, error.toString());
	}

	private static void write(HttpExchange exchange, int status, String content) throws IOException {
		byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	private static void writeLogMarkers() {
		System.out.println(END_OF_ACTIVATION);
		System.err.println(END_OF_ACTIVATION);
		System.out.flush();
		System.err.flush();
	}
}
