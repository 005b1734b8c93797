package dev.polyfn.packaging.tencent;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Serverless Inc.'s input rules for the {@code scf} component (tencent-types {@code scf@0.0.4.yml}, see
 * {@code vendor-schemas/<cloud>/README.md}) translated into a draft-07 JSON Schema for {@code inputs}, one rule kind at a
 * time as the tencent-types README defines them. A rule kind it does not know fails the translation, so a newer
 * rule file cannot pass unchecked.
 */
final class ScfComponentTypes {

	static final String RESOURCE = "/vendor-schemas/tencent/scf@0.0.4.yml";

	private static final Set<String> RULE_KINDS = Set.of("type", "required", "min", "max", "regex", "allow", "rules",
			"keys", "items", "message", "level");

	private static final Map<String, String> JSON_TYPES = Map.of("string", "string", "number", "number", "boolean",
			"boolean", "object", "object", "array", "array", "datetime", "string", "url", "string");

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private ScfComponentTypes() {
	}

	/** The vendor's rules as read from the stored file. */
	static JsonNode read() {
		try (InputStream in = ScfComponentTypes.class.getResourceAsStream(RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException(RESOURCE + " is not on the test classpath");
			}
			return YAMLMapper.builder().build().readTree(in);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/**
	 * The JSON Schema of {@code inputs}.
	 *
	 * @param withWarnings false for what stops a deploy (rules at {@code level: warning} only print a message, so
	 * they are left out); true for every rule, warnings included
	 */
	static ObjectNode inputsSchema(JsonNode types, boolean withWarnings) {
		ObjectNode schema = object(types.required("inputs"), withWarnings);
		schema.put("$schema", "http://json-schema.org/draft-07/schema#");
		return schema;
	}

	private static ObjectNode object(JsonNode keys, boolean withWarnings) {
		ObjectNode schema = NODES.objectNode().put("type", "object");
		ObjectNode properties = schema.putObject("properties");
		ArrayNode required = NODES.arrayNode();
		for (Map.Entry<String, JsonNode> key : keys.properties()) {
			properties.set(key.getKey(), field(key.getValue(), withWarnings));
			if (key.getValue().path("required").asBoolean(false)) {
				required.add(key.getKey());
			}
		}
		if (!required.isEmpty()) {
			schema.set("required", required);
		}
		return schema;
	}

	private static ObjectNode field(JsonNode rule, boolean withWarnings) {
		for (String kind : rule.propertyNames()) {
			if (!RULE_KINDS.contains(kind)) {
				throw new IllegalArgumentException("Unknown rule kind '" + kind + "' in " + rule);
			}
		}
		ObjectNode schema = NODES.objectNode();
		if (rule.has("message")) {
			schema.put("description", rule.get("message").asString());
		}
		if (!withWarnings && "warning".equals(rule.path("level").asString(""))) {
			return schema;
		}
		String type = rule.path("type").asString("");
		// A type the README does not list (an older file's "src") constrains nothing.
		if (JSON_TYPES.containsKey(type)) {
			schema.put("type", JSON_TYPES.get(type));
		}
		if ("datetime".equals(type)) {
			schema.put("format", "date-time");
		}
		if ("url".equals(type)) {
			schema.put("format", "uri");
		}
		limits(schema, type, rule);
		if (rule.has("rules")) {
			ArrayNode allOf = schema.putArray("allOf");
			for (JsonNode each : rule.get("rules")) {
				ObjectNode part = NODES.objectNode();
				limits(part, type, each);
				allOf.add(part);
			}
		}
		if (rule.has("keys")) {
			ObjectNode nested = object(rule.get("keys"), withWarnings);
			schema.set("properties", nested.get("properties"));
			if (nested.has("required")) {
				schema.set("required", nested.get("required"));
			}
		}
		if (rule.has("items")) {
			// items lists the shapes an element may take; every file so far lists one.
			ArrayNode shapes = NODES.arrayNode();
			for (JsonNode shape : rule.get("items")) {
				shapes.add(field(shape, withWarnings));
			}
			schema.set("items", shapes.size() == 1 ? shapes.get(0) : NODES.objectNode().set("anyOf", shapes));
		}
		return schema;
	}

	/** min/max bound a string's length, an array's size, or a number; regex and allow as in JSON Schema. */
	private static void limits(ObjectNode schema, String type, JsonNode rule) {
		String min = switch (type) {
			case "string" -> "minLength";
			case "array" -> "minItems";
			default -> "minimum";
		};
		String max = switch (type) {
			case "string" -> "maxLength";
			case "array" -> "maxItems";
			default -> "maximum";
		};
		if (rule.has("min")) {
			schema.set(min, rule.get("min"));
		}
		if (rule.has("max")) {
			schema.set(max, rule.get("max"));
		}
		if (rule.has("regex")) {
			schema.put("pattern", rule.get("regex").asString());
		}
		if (rule.has("allow")) {
			schema.set("enum", rule.get("allow"));
		}
	}
}
