package dev.polyfn.packaging.azure;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import dev.polyfn.core.events.JsonEvents;

/**
 * Writes a function.json from an entry point's annotations, as azure-functions-maven-plugin does, so the
 * bindings always match the method the Java worker calls: each trigger or binding annotation on a parameter
 * becomes a binding (its {@code name} is how the worker matches the parameter), and an
 * {@code HttpResponseMessage} return value becomes the {@code $return} HTTP output. A deployed function then
 * replaces the generic {@code %APP_SETTING%} values with its own (queue name, blob path, schedule, route).
 */
final class FunctionJsonFactory {

	/** Parameter annotation → binding type; every one here is an input binding. */
	static final Map<String, String> INPUT_BINDINGS = Map.of(
			"com.microsoft.azure.functions.annotation.HttpTrigger", "httpTrigger",
			"com.microsoft.azure.functions.annotation.QueueTrigger", "queueTrigger",
			"com.microsoft.azure.functions.annotation.BlobTrigger", "blobTrigger",
			"com.microsoft.azure.functions.annotation.TimerTrigger", "timerTrigger");

	private static final String HTTP_RESPONSE = "com.microsoft.azure.functions.HttpResponseMessage";

	private FunctionJsonFactory() {
	}

	static ObjectNode functionJson(String scriptFile, String entryPoint, Method method, Map<String, Object> overrides) {
		ObjectNode json = JsonEvents.object();
		json.put("scriptFile", scriptFile);
		json.put("entryPoint", entryPoint);
		ArrayNode bindings = json.putArray("bindings");
		for (Parameter parameter : method.getParameters()) {
			for (Annotation annotation : parameter.getAnnotations()) {
				String type = INPUT_BINDINGS.get(annotation.annotationType().getName());
				if (type != null) {
					bindings.add(binding(type, "in", annotation, overrides));
				}
			}
		}
		if (method.getReturnType().getName().equals(HTTP_RESPONSE)) {
			ObjectNode output = bindings.addObject();
			output.put("type", "http");
			output.put("direction", "out");
			output.put("name", "$return");
		}
		if (bindings.isEmpty()) {
			throw new IllegalStateException(entryPoint + " has no trigger annotation");
		}
		return json;
	}

	private static ObjectNode binding(String type, String direction, Annotation annotation,
			Map<String, Object> overrides) {
		ObjectNode binding = JsonEvents.object();
		binding.put("type", type);
		binding.put("direction", direction);
		binding.put("name", (String) attribute(annotation, "name"));
		Arrays.stream(annotation.annotationType().getDeclaredMethods())
				.sorted(Comparator.comparing(Method::getName))
				.filter(m -> !m.getName().equals("name"))
				.forEach(m -> {
					Object value = overrides.containsKey(m.getName()) ? overrides.get(m.getName()) : attribute(annotation, m.getName());
					put(binding, m.getName(), value);
				});
		return binding;
	}

	private static void put(ObjectNode binding, String field, Object value) {
		if (value instanceof String text) {
			if (!text.isEmpty()) {
				binding.put(field, text);
			}
		}
		else if (value instanceof Enum<?> constant) {
			binding.put(field, constant.name().toLowerCase(Locale.ROOT));
		}
		else if (value instanceof Enum<?>[] constants) {
			ArrayNode values = binding.putArray(field);
			for (Enum<?> constant : constants) {
				values.add(constant.name().toLowerCase(Locale.ROOT));
			}
		}
		else if (value instanceof Boolean flag) {
			binding.put(field, flag);
		}
		else if (value instanceof Number number) {
			binding.put(field, number.longValue());
		}
	}

	private static Object attribute(Annotation annotation, String name) {
		try {
			return annotation.annotationType().getMethod(name).invoke(annotation);
		}
		catch (ReflectiveOperationException e) {
			throw new IllegalStateException("Cannot read " + annotation.annotationType().getSimpleName() + "." + name, e);
		}
	}
}
