package dev.polyfn.core.http;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.polyfn.core.events.JsonEvents;
import dev.polyfn.core.invoke.FunctionError;
import dev.polyfn.core.invoke.FunctionFailure;
import dev.polyfn.core.model.MediaTypes;
import dev.polyfn.core.model.PortableEvent;
import dev.polyfn.core.model.PortableHttpRequest;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Reads CloudEvents 1.0 from HTTP in binary mode ({@code ce-*} headers) and structured JSON mode. */
public final class CloudEventCodec {

	private static final Set<String> CORE_ATTRIBUTES = Set.of("specversion", "id", "source", "type", "subject",
			"time", "datacontenttype", "dataschema", "data", "data_base64");

	private CloudEventCodec() {
	}

	/** The CloudEvent an HTTP request carries, or null when it carries none. */
	public static PortableEvent fromHttp(PortableHttpRequest request) {
		if (HttpFunctionHandler.isStructuredCloudEvent(request.contentType())) {
			return fromStructured(request.body());
		}
		if (request.headers().contains("ce-specversion") && request.headers().contains("ce-id")) {
			return fromBinary(request);
		}
		return null;
	}

	private static PortableEvent fromBinary(PortableHttpRequest request) {
		PortableEvent.Builder event = PortableEvent.builder()
				.id(header(request, "ce-id"))
				.source(required(header(request, "ce-source"), "ce-source"))
				.type(required(header(request, "ce-type"), "ce-type"))
				.subject(header(request, "ce-subject"))
				.time(time(header(request, "ce-time")))
				.dataContentType(request.contentType())
				.data(request.body());
		for (String name : request.headers().names()) {
			String lower = name.toLowerCase(Locale.ROOT);
			if (lower.startsWith("ce-") && !CORE_ATTRIBUTES.contains(lower.substring(3))) {
				event.extension(lower.substring(3), header(request, name));
			}
		}
		return event.build();
	}

	/** A {@code ce-*} attribute, percent-decoded as the HTTP binding requires ({@link CloudEventHeaderValues}). */
	private static String header(PortableHttpRequest request, String name) {
		return CloudEventHeaderValues.decode(name, request.headers().first(name));
	}

	/** A structured-mode CloudEvent: the whole event as one JSON object. */
	public static PortableEvent fromStructured(byte[] body) {
		JsonNode root;
		try {
			root = JsonEvents.readTree(body);
		}
		catch (JacksonException malformed) {
			throw new FunctionFailure(FunctionError.invalidInput("The body is not a valid structured CloudEvent: "
					+ malformed.getOriginalMessage()));
		}
		if (root == null || !root.isObject()) {
			throw new FunctionFailure(FunctionError.invalidInput("A structured CloudEvent is a JSON object"));
		}
		return fromJson((ObjectNode) root);
	}

	/** A CloudEvent in its JSON format (also how EventBridge and Eventarc deliver them inside arrays). */
	public static PortableEvent fromJson(ObjectNode node) {
		String contentType = text(node, "datacontenttype");
		PortableEvent.Builder event = PortableEvent.builder()
				.id(required(text(node, "id"), "id"))
				.source(required(text(node, "source"), "source"))
				.type(required(text(node, "type"), "type"))
				.subject(text(node, "subject"))
				.time(time(text(node, "time")));
		JsonNode data = node.get("data");
		if (node.hasNonNull("data_base64")) {
			try {
				event.data(Base64.getDecoder().decode(node.get("data_base64").asString()));
			}
			catch (IllegalArgumentException invalid) {
				throw new FunctionFailure(FunctionError.invalidInput("data_base64 is not valid base64"));
			}
			event.dataContentType(contentType == null ? MediaTypes.OCTET_STREAM : contentType);
		}
		else if (data != null && !data.isNull()) {
			if (data.isString() && !MediaTypes.isJson(contentType)) {
				event.data(data.asString().getBytes(StandardCharsets.UTF_8));
				event.dataContentType(contentType == null ? MediaTypes.TEXT_PLAIN_UTF8 : contentType);
			}
			else {
				event.data(JsonEvents.toBytes(data));
				event.dataContentType(contentType == null ? MediaTypes.JSON : contentType);
			}
		}
		for (Map.Entry<String, JsonNode> field : node.properties()) {
			if (!CORE_ATTRIBUTES.contains(field.getKey()) && field.getValue().isValueNode()) {
				event.extension(field.getKey(), field.getValue().asString());
			}
		}
		return event.build();
	}

	private static String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return value == null || value.isNull() ? null : value.asString();
	}

	private static String required(String value, String attribute) {
		if (value == null || value.isBlank()) {
			throw new FunctionFailure(FunctionError.invalidInput("The CloudEvent has no '" + attribute + "'"));
		}
		return value;
	}

	private static OffsetDateTime time(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return OffsetDateTime.parse(value);
		}
		catch (DateTimeParseException invalid) {
			throw new FunctionFailure(FunctionError.invalidInput("The CloudEvent time '" + value + "' is not RFC 3339"));
		}
	}
}
