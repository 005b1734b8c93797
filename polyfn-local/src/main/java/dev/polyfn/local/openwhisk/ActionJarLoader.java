package dev.polyfn.local.openwhisk;

import java.io.File;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Base64;
import java.util.Collections;
import java.util.Map;

import com.google.gson.JsonObject;

/**
 * The proxy's class loader for the action jar, emulated from apache/openwhisk-runtime-java
 * core/java8/proxy/src/main/java/org/apache/openwhisk/runtime/java/action/JarLoader.java (read 2026-12-06), which
 * the Java 17 proxy uses too: the jar alone, the proxy's own loader (with Gson) as parent, so classes resolve
 * parent first; the entry is {@code class} or {@code class#method}, a public static method from
 * {@code JsonObject} to {@code JsonObject}. The activation's fields reach the environment by rewriting
 * {@code System.getenv()}'s map; on Java 16 and later that reflection is refused and ignored, as in the original.
 */
final class ActionJarLoader extends URLClassLoader {

	private final Method mainMethod;

	static Path saveBase64EncodedFile(InputStream encoded) throws Exception {
		File destination = File.createTempFile("useraction", ".jar");
		destination.deleteOnExit();
		Files.copy(Base64.getDecoder().wrap(encoded), destination.toPath(), StandardCopyOption.REPLACE_EXISTING);
		return destination.toPath();
	}

	ActionJarLoader(Path jar, String entrypoint)
			throws MalformedURLException, ClassNotFoundException, NoSuchMethodException {
		super(new URL[] { jar.toUri().toURL() });
		String[] parts = entrypoint.split("#");
		Class<?> mainClass = loadClass(parts[0]);
		Method method = mainClass.getMethod(parts.length > 1 ? parts[1] : "main", JsonObject.class);
		method.setAccessible(true);
		int modifiers = method.getModifiers();
		if (method.getReturnType() != JsonObject.class || !Modifier.isStatic(modifiers) || !Modifier.isPublic(modifiers)) {
			throw new NoSuchMethodException("main");
		}
		this.mainMethod = method;
	}

	JsonObject invokeMain(JsonObject arg, Map<String, String> env) throws Exception {
		augmentEnv(env);
		return (JsonObject) mainMethod.invoke(null, arg);
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static void augmentEnv(Map<String, String> newEnv) {
		try {
			for (Class type : Collections.class.getDeclaredClasses()) {
				if ("java.util.Collections$UnmodifiableMap".equals(type.getName())) {
					Field field = type.getDeclaredField("m");
					field.setAccessible(true);
					((Map<String, String>) field.get(System.getenv())).putAll(newEnv);
				}
			}
		}
		catch (Exception refused) {
			// the original ignores it too: no __OW_* variables then
		}
	}
}
