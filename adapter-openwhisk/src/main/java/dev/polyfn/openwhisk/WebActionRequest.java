package dev.polyfn.openwhisk;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import dev.polyfn.core.events.JsonEvents;
import dev.polyfn.core.invoke.FunctionError;
import dev.polyfn.core.invoke.FunctionFailure;
import dev.polyfn.core.model.Headers;
import dev.polyfn.core.model.MediaTypes;
import dev.polyfn.core.model.PortableHttpRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A web action's parameters as the portable HTTP request. The controller adds {@code __ow_method} (lower case),
 * {@code __ow_headers} (lower-case names, one string each), {@code __ow_path} (what follows the action name and
 * extension); a raw action ({@code --web raw}) also gets {@code __ow_query} (unparsed) and {@code __ow_body}
 * (base64 when {@link OpenWhiskMediaTypes#requestBodyIsBase64} says so, else the text). A non-raw web action gets
 * a JSON object or form body, and the query, merged into its parameters instead: those parameters become the
 * request's JSON body; any other body comes as {@code __ow_body} there too (text, base64, or a parsed JSON value
 * that is no object). Source: apache/openwhisk docs/webactions.md ("HTTP Context", "Raw HTTP handling") and
 * core/controller/.../WebActions.scala ({@code Context.toActionArgument}, {@code extractEntityAndProcessRequest}),
 * read 2026-12-06.
 */
final class WebActionRequest {

	static final String METHOD = "__ow_method";
	private static final String PREFIX = "__ow_";

	private WebActionRequest() {
	}

	static boolean isWebAction(JsonNode params) {
		return params.hasNonNull(METHOD);
	}

	/** The request; an unreadable body (invalid base64) or one over the limit fails with 400/413. */
	static PortableHttpRequest from(JsonNode params, long maxBodySize) {
		Headers headers = new Headers();
		JsonNode given = params.get("__ow_headers");
		if (given != null && given.isObject()) {
			given.properties().forEach(header -> headers.add(header.getKey(), header.getValue().asString()));
		}
		JsonNode raw = params.get("__ow_body");
		boolean base64 = raw != null && raw.isString()
				&& OpenWhiskMediaTypes.requestBodyIsBase64(headers.first("Content-Type"));
		byte[] body;
		if (raw == null || raw.isNull()) {
			body = mergedParameters(params, headers);
		}
		else if (raw.isString()) {
			body = rawBody(raw.asString(), base64, maxBodySize);
		}
		else {
			// A non-raw action given a JSON body that is no object (an array, a number): the controller parses it
			// and passes the value itself as __ow_body (WebActions.scala Context.toActionArgument).
			body = JsonEvents.toBytes(raw);
		}
		if (body.length > maxBodySize) {
			throw new FunctionFailure(FunctionError.payloadTooLarge(body.length, maxBodySize));
		}
		return PortableHttpRequest.builder()
				.method(params.get(METHOD).asString().toUpperCase(Locale.ROOT))
				.path(JsonEvents.text(params, "__ow_path"))
				.rawQuery(JsonEvents.text(params, "__ow_query"))
				.headers(headers)
				.body(body)
				.base64Encoded(base64)
				.build();
	}

	private static byte[] rawBody(String text, boolean base64, long maxBodySize) {
		// base64 holds 3 bytes in 4 characters: what would be over the limit is refused before it is decoded
		long size = base64 ? text.length() / 4L * 3 : text.length();
		if (size > maxBodySize) {
			throw new FunctionFailure(FunctionError.payloadTooLarge(size, maxBodySize));
		}
		return base64 ? JsonEvents.base64(text, "__ow_body") : text.getBytes(StandardCharsets.UTF_8);
	}

	/** A non-raw web action: its own parameters (query, JSON or form body) as a JSON object body, if it has any. */
	private static byte[] mergedParameters(JsonNode params, Headers headers) {
		ObjectNode own = PlainAction.withoutPlatformFields(params);
		if (own.isEmpty()) {
			return new byte[0];
		}
		headers.set("Content-Type", MediaTypes.JSON);
		return JsonEvents.toBytes(own);
	}

	/** The fields the platform adds ({@code __ow_method}, {@code __ow_headers}...), never the caller's own. */
	static boolean isPlatformField(String name) {
		return name.startsWith(PREFIX);
	}
}
