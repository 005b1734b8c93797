package dev.polyfn.core.events;

import java.io.ByteArrayOutputStream;
import java.util.Map;

import dev.polyfn.core.json.JsonLimits;
import dev.polyfn.core.json.PolyfnJson;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.TokenStreamFactory;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads and writes JSON trees (cloud events and responses) straight on Jackson's streaming parser and generator:
 * the same trees as {@code ObjectMapper.readTree} / {@code writeValueAsBytes}, without databind's per-call
 * context and serializer look-ups, which are most of an adapter's per-invocation cost and a hundred classes of
 * its cold start, and no mapper at all until something needs one. Trees holding values only databind can write
 * (POJO nodes) are handed to the mapper.
 */
final class JsonTrees {

	/** jackson-core's factory alone, with polyfn's limits: reading and writing trees needs no databind mapper. */
	private final TokenStreamFactory streams = JsonLimits.streamFactory();
	private final boolean strict = JsonLimits.strict();
	private final JsonNodeFactory nodes = JsonNodeFactory.instance;

	TokenStreamFactory streams() {
		return streams;
	}

	/** The tree of a JSON document; null for an empty one. Content after the root value is an error. */
	JsonNode read(byte[] json) {
		try (JsonParser parser = streams.createParser(ObjectReadContext.empty(), json)) {
			JsonToken first = parser.nextToken();
			if (first == null) {
				return null;
			}
			JsonNode root = value(parser, first);
			if (parser.nextToken() != null) {
				throw new StreamReadException(parser, "Trailing content after the JSON value");
			}
			return root;
		}
	}

	private JsonNode value(JsonParser parser, JsonToken token) {
		return switch (token) {
			case START_OBJECT -> object(parser);
			case START_ARRAY -> array(parser);
			case VALUE_STRING -> nodes.stringNode(parser.getString());
			case VALUE_NUMBER_INT -> switch (parser.getNumberType()) {
				case INT -> nodes.numberNode(parser.getIntValue());
				case LONG -> nodes.numberNode(parser.getLongValue());
				default -> nodes.numberNode(parser.getBigIntegerValue());
			};
			case VALUE_NUMBER_FLOAT -> nodes.numberNode(finite(parser));
			case VALUE_TRUE -> nodes.booleanNode(true);
			case VALUE_FALSE -> nodes.booleanNode(false);
			case VALUE_NULL -> nodes.nullNode();
			default -> throw new StreamReadException(parser, "Unexpected token " + token);
		};
	}

	/** A double, unless strict JSON is on and the number is beyond a double's range ({@code 1e309}). */
	private double finite(JsonParser parser) {
		double value = parser.getDoubleValue();
		if (strict && !Double.isFinite(value)) {
			throw new StreamReadException(parser, "Number out of the range of a double");
		}
		return value;
	}

	private ObjectNode object(JsonParser parser) {
		ObjectNode object = nodes.objectNode();
		for (JsonToken token = parser.nextToken(); token != JsonToken.END_OBJECT; token = parser.nextToken()) {
			String name = parser.currentName();
			// A repeated name keeps its last value, as databind's tree reader does (strict JSON refuses it in the parser).
			object.set(name, value(parser, parser.nextToken()));
		}
		return object;
	}

	private ArrayNode array(JsonParser parser) {
		ArrayNode array = nodes.arrayNode();
		for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
			array.add(value(parser, token));
		}
		return array;
	}

	/** The compact JSON of a tree, as {@code writeValueAsBytes} writes it. */
	byte[] write(JsonNode tree) {
		if (!streamable(tree)) {
			return PolyfnJson.mapper().writeValueAsBytes(tree);
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream(256);
		try (JsonGenerator generator = streams.createGenerator(ObjectWriteContext.empty(), out)) {
			write(generator, tree);
		}
		return out.toByteArray();
	}

	private static void write(JsonGenerator out, JsonNode node) {
		switch (node.getNodeType()) {
			case OBJECT -> {
				out.writeStartObject();
				for (Map.Entry<String, JsonNode> property : node.properties()) {
					out.writeName(property.getKey());
					write(out, property.getValue());
				}
				out.writeEndObject();
			}
			case ARRAY -> {
				out.writeStartArray();
				for (JsonNode element : node) {
					write(out, element);
				}
				out.writeEndArray();
			}
			case STRING -> out.writeString(node.stringValue());
			case NUMBER -> {
				switch (node.numberType()) {
					case INT -> out.writeNumber(node.intValue());
					case LONG -> out.writeNumber(node.longValue());
					case BIG_INTEGER -> out.writeNumber(node.bigIntegerValue());
					case FLOAT -> out.writeNumber(node.floatValue());
					case BIG_DECIMAL -> out.writeNumber(node.decimalValue());
					default -> out.writeNumber(node.doubleValue());
				}
			}
			case BOOLEAN -> out.writeBoolean(node.booleanValue());
			case BINARY -> out.writeBinary(node.binaryValue());
			default -> out.writeNull();
		}
	}

	/** Whether the tree holds only JSON values (no POJO nodes, which need databind's serializers). */
	private static boolean streamable(JsonNode node) {
		return switch (node.getNodeType()) {
			case OBJECT, ARRAY -> {
				for (JsonNode child : node) {
					if (!streamable(child)) {
						yield false;
					}
				}
				yield true;
			}
			case POJO, MISSING -> false;
			default -> true;
		};
	}
}
