package dev.polyfn.core.events;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Base64;

import dev.polyfn.core.invoke.FunctionError;
import dev.polyfn.core.json.JsonProblems;
import dev.polyfn.core.json.PolyfnJson;
import dev.polyfn.core.invoke.FunctionFailure;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.MissingNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Small, forgiving readers for cloud event JSON, shared by every adapter's mappers: a missing field is null,
 * never an exception; malformed JSON and invalid base64 are the caller's error (400).
 */
public final class JsonEvents {

	private static final JsonTrees TREES = new JsonTrees();

	/** jackson-core's parser and generator factory: for adapters that stream an event instead of building a tree. */
	public static TokenStreamFactory streams() {
		return TREES.streams();
	}

	/** polyfn's shared databind mapper ({@link PolyfnJson}), built on first use. */
	public static ObjectMapper mapper() {
		return PolyfnJson.mapper();
	}

	/** A new, empty JSON object (no mapper needed). */
	public static ObjectNode object() {
		return JsonNodeFactory.instance.objectNode();
	}

	/** A new, empty JSON array (no mapper needed). */
	public static ArrayNode array() {
		return JsonNodeFactory.instance.arrayNode();
	}

	public static JsonNodeFactory nodes() {
		return JsonNodeFactory.instance;
	}

	/** Parses an event body; malformed JSON fails with 400. */
	public static JsonNode parse(byte[] body) {
		try {
			JsonNode node = TREES.read(body);
			if (node == null || node.isMissingNode()) {
				throw new FunctionFailure(FunctionError.invalidInput("The event body is empty"));
			}
			return node;
		}
		catch (JacksonException malformed) {
			throw new FunctionFailure(FunctionError.invalidInput("The event is not valid JSON: "
					+ JsonProblems.describe(malformed)));
		}
	}

	/**
	 * The tree of a JSON document, as {@code ObjectMapper.readTree} reads it (a missing node when empty); malformed
	 * JSON throws Jackson's exception, for callers with their own error message.
	 */
	public static JsonNode readTree(byte[] json) {
		JsonNode node = TREES.read(json);
		return node == null ? MissingNode.getInstance() : node;
	}

	/** The node at a path of field names, or null when any step is missing or null. */
	public static JsonNode at(JsonNode node, String... path) {
		JsonNode current = node;
		for (String field : path) {
			if (current == null || !current.isObject()) {
				return null;
			}
			current = current.get(field);
		}
		return current == null || current.isNull() || current.isMissingNode() ? null : current;
	}

	/** Text at a path; numbers and booleans as their text; objects and arrays as JSON; null when missing. */
	public static String text(JsonNode node, String... path) {
		JsonNode value = at(node, path);
		if (value == null) {
			return null;
		}
		return value.isValueNode() ? value.asString() : value.toString();
	}

	public static Long longValue(JsonNode node, String... path) {
		JsonNode value = at(node, path);
		if (value == null) {
			return null;
		}
		if (value.isNumber()) {
			return value.asLong();
		}
		try {
			return Long.parseLong(value.asString().trim());
		}
		catch (NumberFormatException notANumber) {
			return null;
		}
	}

	/** A flag: true, "true" (any case); missing or null is false; an object or array is the caller's error (400). */
	public static boolean bool(JsonNode node, String... path) {
		JsonNode value = at(node, path);
		if (value == null) {
			return false;
		}
		if (!value.isValueNode()) {
			throw new FunctionFailure(FunctionError.invalidInput(String.join(".", path) + " is not a boolean"));
		}
		return value.isBoolean() ? value.asBoolean() : "true".equalsIgnoreCase(value.asString());
	}

	/**
	 * A time in any of the forms clouds use: RFC 3339 / ISO-8601 (with or without offset), epoch seconds or
	 * epoch milliseconds. Null when missing or unreadable.
	 */
	public static OffsetDateTime time(JsonNode node, String... path) {
		JsonNode value = at(node, path);
		if (value == null) {
			return null;
		}
		if (value.isNumber()) {
			return epoch(value.asLong());
		}
		return time(value.asString());
	}

	public static OffsetDateTime time(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String t = text.trim();
		if (t.chars().allMatch(Character::isDigit)) {
			return epoch(Long.parseLong(t));
		}
		try {
			return OffsetDateTime.parse(t);
		}
		catch (DateTimeParseException notOffset) {
			try {
				return java.time.LocalDateTime.parse(t.replace(' ', 'T')).atOffset(ZoneOffset.UTC);
			}
			catch (DateTimeParseException unreadable) {
				return null;
			}
		}
	}

	private static OffsetDateTime epoch(long value) {
		Instant instant = value > 100_000_000_000L ? Instant.ofEpochMilli(value) : Instant.ofEpochSecond(value);
		return instant.atOffset(ZoneOffset.UTC);
	}

	/** Decodes base64 (standard or URL-safe); invalid base64 fails with 400 naming the field. */
	public static byte[] base64(String value, String field) {
		if (value == null) {
			return new byte[0];
		}
		try {
			return Base64.getDecoder().decode(value.replaceAll("\\s", "").replace('-', '+').replace('_', '/'));
		}
		catch (IllegalArgumentException invalid) {
			throw new FunctionFailure(FunctionError.invalidInput(field + " is not valid base64"));
		}
	}

	public static byte[] toBytes(JsonNode node) {
		return TREES.write(node);
	}
}
