package dev.polyfn.local.openwhisk;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.polyfn.local.MiniJson;

/**
 * What the controller answers the HTTP caller for a web action's result, emulated from apache/openwhisk
 * core/controller/src/main/scala/org/apache/openwhisk/core/controller/WebActions.scala (read 2026-12-06):
 * {@code completeRequest} unwraps the {@code error} field of an application error; {@code resultAsHttp} takes
 * {@code statusCode} (200, or 204 without a body), {@code headers} (a string, or an array of them per name) and
 * {@code body}: a string is base64-decoded for a binary content type, and for a JSON one when it decodes as
 * base64 ({@code Exec.isBinaryCode}), else sent as UTF-8; a JSON value is sent as JSON; no content type means
 * {@code text/html}. Binary here is what akka-http calls binary for the types the tests use: not {@code text/*},
 * not {@code application/json} or {@code +json}, not form data, not XML. JDK only (no Gson), so a build's JVM can read it: the conformance kit, the adapter's tests
 * and {@code polyfn:invoke}.
 */
public record ControllerResponse(int status, Map<String, List<String>> headers, byte[] body) {

	/** The controller's answer to a {@code /run} result of a web action (the proxy's 200 body). */
	public static ControllerResponse of(String runResult) {
		if (!(MiniJson.parse(runResult) instanceof Map<?, ?> parsed)) {
			throw new IllegalArgumentException("A web action's result is a JSON object, not " + runResult);
		}
		Map<?, ?> result = parsed.get("error") instanceof Map<?, ?> error ? error : parsed;
		Map<String, List<String>> headers = new LinkedHashMap<>();
		if (result.get("headers") instanceof Map<?, ?> given) {
			given.forEach((name, value) -> {
				List<String> values = new ArrayList<>();
				if (value instanceof List<?> list) {
					list.forEach(v -> values.add(String.valueOf(v)));
				}
				else {
					values.add(String.valueOf(value));
				}
				headers.put(String.valueOf(name), values);
			});
		}
		Object body = result.get("body");
		boolean empty = body == null || (body instanceof String text && text.isEmpty());
		int status = result.get("statusCode") instanceof Number code ? code.intValue()
				: result.get("statusCode") != null ? Integer.parseInt(String.valueOf(result.get("statusCode"))) : empty ? 204 : 200;
		if (empty) {
			return new ControllerResponse(status, headers, new byte[0]);
		}
		if (!(body instanceof String text)) {
			return new ControllerResponse(status, headers, MiniJson.write(body).getBytes(StandardCharsets.UTF_8));
		}
		String type = contentType(headers);
		boolean json = type.equals("application/json") || type.endsWith("+json");
		if (binary(type) || (json && isBase64(text))) {
			return new ControllerResponse(status, headers, Base64.getDecoder().decode(text));
		}
		return new ControllerResponse(status, headers, text.getBytes(StandardCharsets.UTF_8));
	}

	public String contentType() {
		return headers.entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase("Content-Type"))
				.map(h -> h.getValue().get(0)).findFirst().orElse(null);
	}

	private static String contentType(Map<String, List<String>> headers) {
		String type = headers.entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase("Content-Type"))
				.map(h -> h.getValue().get(0)).findFirst().orElse("text/html");
		return type.split(";")[0].trim().toLowerCase(Locale.ROOT);
	}

	private static boolean binary(String type) {
		return !(type.startsWith("text/") || type.equals("application/json") || type.endsWith("+json")
				|| type.equals("application/x-www-form-urlencoded") || type.endsWith("/xml") || type.endsWith("+xml")
				|| type.startsWith("multipart/"));
	}

	private static boolean isBase64(String text) {
		try {
			Base64.getDecoder().decode(text.trim());
			return true;
		}
		catch (IllegalArgumentException notBase64) {
			return false;
		}
	}
}
