package dev.polyfn.local.openwhisk;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import dev.polyfn.local.MiniJson;

/**
 * The {@code /run} body the invoker sends a raw web action ({@code --web raw}) for an HTTP request: the controller's
 * arguments under {@code value}, the activation fields beside. From apache/openwhisk
 * core/controller/.../WebActions.scala ({@code Context.toActionArgument}, {@code extractEntityAndProcessRequest};
 * read 2026-12-06): {@code __ow_method} lower case; {@code __ow_headers} lower-case names, one value each (the last:
 * the headers become a map) and the entity's {@code content-type}; {@code __ow_path} the path after the action name;
 * {@code __ow_query} unparsed; {@code __ow_body} base64 for what akka-http calls binary and for
 * {@code application/json} ("for legacy"), else the text, {@code ""} for no entity. A plain action's {@code /run}
 * body is {@link #plain}: its parameters under {@code value}.
 */
public final class WebActionArguments {

	private WebActionArguments() {
	}

	/**
	 * @param headers the request's headers, every value of a name (the controller keeps the last)
	 * @param contentType the request's Content-Type, or null
	 * @param actionName the action's fully qualified name, e.g. {@code /guest/shop/square}
	 */
	public static String of(String method, Map<String, List<String>> headers, String contentType, String path,
			String rawQuery, byte[] body, String actionName) {
		Map<String, Object> value = new LinkedHashMap<>();
		value.put("__ow_method", method.toLowerCase(Locale.ROOT));
		Map<String, Object> owHeaders = new LinkedHashMap<>();
		headers.forEach((name, values) -> owHeaders.put(name.toLowerCase(Locale.ROOT), values.get(values.size() - 1)));
		String type = contentType;
		if (type == null && body.length > 0) {
			type = "application/octet-stream"; // akka-http's type for an entity that names none
		}
		if (type != null) {
			owHeaders.put("content-type", type);
		}
		value.put("__ow_headers", owHeaders);
		value.put("__ow_path", path);
		value.put("__ow_query", rawQuery == null ? "" : rawQuery);
		value.put("__ow_body", body.length == 0 ? ""
				: base64(type) ? Base64.getEncoder().encodeToString(body) : new String(body, StandardCharsets.UTF_8));
		return activation(value, actionName);
	}

	/** A plain action's activation: its parameters (a JSON object) under {@code value}. */
	public static String plain(Map<String, Object> parameters, String actionName) {
		return activation(parameters, actionName);
	}

	private static String activation(Map<String, Object> value, String actionName) {
		Map<String, Object> run = new LinkedHashMap<>();
		run.put("value", value);
		String[] parts = actionName.split("/");
		run.put("namespace", parts.length > 1 ? parts[1] : "guest");
		run.put("action_name", actionName);
		run.put("activation_id", UUID.randomUUID().toString().replace("-", ""));
		run.put("deadline", String.valueOf(System.currentTimeMillis() + 60_000));
		return MiniJson.write(run);
	}

	/**
	 * Whether the controller base64-encodes a body of this type: akka-http's binary media types (any type it does not
	 * register with a charset, unless the header names one) and {@code application/json}.
	 */
	static boolean base64(String contentType) {
		String type = contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
		if (type.equals("application/json")) {
			return true;
		}
		boolean text = type.startsWith("text/") || type.startsWith("multipart/") || type.endsWith("/xml")
				|| type.equals("application/x-www-form-urlencoded") || type.equals("application/javascript");
		return !text && !contentType.toLowerCase(Locale.ROOT).contains("charset=");
	}
}
