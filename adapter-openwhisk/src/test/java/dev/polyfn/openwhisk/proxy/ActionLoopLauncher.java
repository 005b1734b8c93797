package dev.polyfn.openwhisk.proxy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * The ActionLoop Java 17 runtime's launcher, emulated from apache/openwhisk-runtime-java
 * core/java17actionloop/lib/src/Launcher.java, started as its bin/compile writes the action's {@code exec}
 * (read 2026-12-06): {@code java -cp launcher.jar:<the action's jars>:<dir> Launcher <class#method>}, so the
 * action jar is on the application class path with no Gson beside it. One activation per line on stdin
 * ({@code {"value": {...}, "activation_id": ...}}); the fields other than {@code value} go to the environment as
 * {@code __OW_*} (refused on Java 16+ and ignored, as there); each result is one line on the result channel,
 * file descriptor 3 there, the file named by the second argument here. Test code only.
 */
public final class ActionLoopLauncher {

	private ActionLoopLauncher() {
	}

	public static void main(String[] args) throws Exception {
		Method main = mainMethod(args[0]);
		BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
		try (in; PrintWriter out = new PrintWriter(new OutputStreamWriter(Files.newOutputStream(Path.of(args[1])),
				StandardCharsets.UTF_8))) {
			String line;
			while ((line = in.readLine()) != null) {
				JsonObject activation = JsonParser.parseString(line).getAsJsonObject();
				JsonObject payload = activation.has("value") ? activation.getAsJsonObject("value") : new JsonObject();
				Map<String, String> env = new HashMap<>();
				for (Map.Entry<String, JsonElement> field : activation.entrySet()) {
					if (!field.getKey().equals("value")) {
						env.put("__OW_" + field.getKey().toUpperCase(), field.getValue().getAsString());
					}
				}
				augmentEnv(env);
				JsonElement response;
				try {
					response = (JsonObject) main.invoke(null, payload);
				}
				catch (Exception e) {
					e.printStackTrace(System.err);
					response = null;
				}
				if (response == null) {
					JsonObject error = new JsonObject();
					error.addProperty("error", "the action returned null");
					out.println(error);
					out.flush();
					return; // as the original: the loop ends on the NullPointerException of a null response
				}
				out.println(response);
				out.flush();
			}
		}
	}

	private static Method mainMethod(String entry) throws Exception {
		int hash = entry.indexOf('#');
		String className = hash < 0 ? entry : entry.substring(0, hash);
		String methodName = hash < 0 || hash + 1 == entry.length() ? "main" : entry.substring(hash + 1);
		Method method = Class.forName(className).getMethod(methodName, JsonObject.class);
		method.setAccessible(true);
		int modifiers = method.getModifiers();
		if (method.getReturnType() != JsonObject.class || !Modifier.isStatic(modifiers) || !Modifier.isPublic(modifiers)) {
			throw new NoSuchMethodException(methodName);
		}
		return method;
	}

	@SuppressWarnings("unchecked")
	private static void augmentEnv(Map<String, String> newEnv) {
		try {
			Field field = Class.forName("java.util.Collections$UnmodifiableMap").getDeclaredField("m");
			field.setAccessible(true);
			((Map<String, String>) field.get(System.getenv())).putAll(newEnv);
		}
		catch (Exception refused) {
			// ignored, as in the original
		}
	}
}
