package dev.polyfn.openwhisk;

import java.util.Base64;

import dev.polyfn.core.events.JsonEvents;
import dev.polyfn.core.invoke.FunctionError;
import dev.polyfn.core.invoke.FunctionInput;
import dev.polyfn.core.invoke.FunctionInvoker;
import dev.polyfn.core.invoke.InvocationContext;
import dev.polyfn.core.invoke.InvocationResult;
import dev.polyfn.core.model.MediaTypes;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An action invoked with parameters ({@code wsk action invoke}, a trigger's rule, a sequence): the parameters are
 * the function's JSON input and the result is a JSON object, the one thing an OpenWhisk action may answer ("the
 * input to an action and the result of an action are a dictionary of key-value pairs", apache/openwhisk
 * docs/actions.md; the Java proxy takes only a {@code JsonObject}, core/java8/proxy .../JarLoader.java; read
 * 2026-12-03). OpenWhisk documents no wrapper for anything else, so polyfn's choice is:
 * <ul>
 * <li>a JSON object result as it is;</li>
 * <li>any other result under {@code result}: another JSON value as that value, text as a string, bytes as base64
 * with their {@code contentType} beside;</li>
 * <li>no result (a consumer, a null) as {@code {}};</li>
 * <li>a failure as {@code {"error": {"error", "message", "status"}}}: a top-level {@code error} is how an action
 * reports an application error, and the activation is recorded as failed.</li>
 * </ul>
 */
final class PlainAction {

	private PlainAction() {
	}

	/** Runs {@code definition} (null: the configured or only function) on the caller's parameters. */
	static ObjectNode run(JsonNode params, String definition, FunctionInvoker invoker, InvocationContext context) {
		byte[] input = JsonEvents.toBytes(withoutPlatformFields(params));
		InvocationResult result = invoker.invoke(definition, FunctionInput.of(input, MediaTypes.JSON), context);
		return toResult(result);
	}

	static ObjectNode toResult(InvocationResult result) {
		if (result.failed()) {
			return error(result.error());
		}
		ObjectNode out = JsonEvents.object();
		if (result.body().length == 0) {
			return out;
		}
		if (MediaTypes.isJson(result.contentType())) {
			JsonNode value = JsonEvents.readTree(result.body());
			if (value.isObject()) {
				return (ObjectNode) value;
			}
			out.set("result", value);
		}
		else if (MediaTypes.isText(result.contentType())) {
			out.put("result", result.bodyAsString());
		}
		else {
			out.put("result", Base64.getEncoder().encodeToString(result.body()));
			out.put("contentType", result.contentType());
		}
		return out;
	}

	static ObjectNode error(FunctionError error) {
		ObjectNode out = JsonEvents.object();
		ObjectNode body = out.putObject("error");
		body.put("error", error.error());
		body.put("message", error.message());
		body.put("status", error.status());
		return out;
	}

	/**
	 * The caller's parameters: everything but the {@code __ow_*} fields the platform adds and the
	 * {@value OpenWhiskAction#DEFINITION_PARAMETER} parameter the deployment sets.
	 */
	static ObjectNode withoutPlatformFields(JsonNode params) {
		ObjectNode own = JsonEvents.object();
		params.properties().forEach(field -> {
			if (!WebActionRequest.isPlatformField(field.getKey())
					&& !OpenWhiskAction.DEFINITION_PARAMETER.equals(field.getKey())) {
				own.set(field.getKey(), field.getValue());
			}
		});
		return own;
	}
}
