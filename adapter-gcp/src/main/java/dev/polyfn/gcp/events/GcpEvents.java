package dev.polyfn.gcp.events;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import dev.polyfn.core.events.JsonEvents;
import dev.polyfn.core.http.CloudEventCodec;
import dev.polyfn.core.http.HttpFunctionHandler;
import dev.polyfn.core.invoke.FunctionFailure;
import dev.polyfn.core.invoke.FunctionInvoker;
import dev.polyfn.core.invoke.InvocationContext;
import dev.polyfn.core.invoke.ResolvedFunction;
import dev.polyfn.core.model.MediaTypes;
import dev.polyfn.core.model.PortableEvent;
import dev.polyfn.core.model.PortableHttpRequest;
import dev.polyfn.core.model.PortableHttpResponse;
import dev.polyfn.core.model.QueryString;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Google events that arrive over the HTTP entry point: a CloudEvent (binary {@code ce-*} headers or structured
 * {@code application/cloudevents+json}), or a legacy background-event body ({@code {context, data}} or the flat
 * {@code eventType/resource/data} form, recognised only when its {@code eventType} is one {@link LegacyEventTable}
 * knows, so an ordinary JSON body is never mistaken for one). Either way the function gets the typed event.
 */
public final class GcpEvents {

	private GcpEvents() {
	}

	/** The event a request carries, with its payload, or empty when it is a plain HTTP request. */
	public static Optional<PortableEvent> fromHttp(PortableHttpRequest request) {
		PortableEvent cloudEvent = CloudEventCodec.fromHttp(request);
		if (cloudEvent == null) {
			cloudEvent = legacyEvent(request);
		}
		return Optional.ofNullable(cloudEvent).map(GcpEventPayloads::withPayload);
	}

	/**
	 * Runs a function on the event the request carries (the one the path names, as for plain requests, else the
	 * configured or only one); empty when the request carries no event.
	 */
	public static Optional<PortableHttpResponse> handleIfEvent(PortableHttpRequest request, HttpFunctionHandler http,
			InvocationContext context) {
		Optional<PortableEvent> event = fromHttp(request);
		if (event.isEmpty()) {
			return Optional.empty();
		}
		ResolvedFunction function;
		try {
			function = http.invoker().resolve(definitionNamedBy(request.path(), http.invoker()));
		}
		catch (FunctionFailure none) {
			return Optional.of(none.error().toHttpResponse());
		}
		return Optional.of(HttpFunctionHandler.toResponse(http.invoker().invokeEvent(function, event.get(), context)));
	}

	/** The function the path's last segment names, or null (the default) when it names none. */
	private static String definitionNamedBy(String path, FunctionInvoker invoker) {
		String trimmed = path == null ? "" : path.replaceAll("^/+|/+$", "");
		String last = QueryString.decode(trimmed.substring(trimmed.lastIndexOf('/') + 1));
		return !last.isEmpty() && invoker.isKnown(last) ? last : null;
	}

	private static PortableEvent legacyEvent(PortableHttpRequest request) {
		String contentType = request.contentType();
		if (contentType != null && !MediaTypes.isJson(contentType)) {
			return null;
		}
		byte[] body = request.body();
		if (!startsWithBrace(body) || !new String(body, StandardCharsets.UTF_8).contains("\"eventType\"")) {
			return null;
		}
		JsonNode root;
		try {
			root = JsonEvents.readTree(body);
		}
		catch (JacksonException notJson) {
			// Not an event; the function's own input reading reports malformed JSON.
			return null;
		}
		return LegacyEventTable.toCloudEvent(root);
	}

	private static boolean startsWithBrace(byte[] body) {
		for (byte b : body) {
			if (!Character.isWhitespace(b)) {
				return b == '{';
			}
		}
		return false;
	}
}
