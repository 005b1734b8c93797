package dev.polyfn.conformance.campaign;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Deterministic mutations of a JSON event: truncations, dropped and duplicated fields, wrong JSON types, invalid
 * base64, huge strings, invalid UTF-8, nulls and outright garbage. The same seed gives the same mutations, so a
 * failure found once is found again.
 */
public final class JsonMutator {

	public record Mutation(String kind, byte[] body) {

		@Override
		public String toString() {
			return kind;
		}
	}

	private static final ObjectMapper JSON = JsonMapper.builder().build();
	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private final byte[] original;
	private final JsonNode tree;
	private final List<Path> paths = new ArrayList<>();
	private final Random random;

	/** A value's place in the tree: its parent container and its field name or index. */
	private record Path(JsonNode parent, String field, int index) {
	}

	public JsonMutator(byte[] original, long seed) {
		this.original = original;
		this.tree = JSON.readTree(original);
		this.random = new Random(seed);
		collect(tree);
	}

	public List<Mutation> mutations(int count) {
		List<Mutation> out = new ArrayList<>(count);
		int i = 0;
		while (out.size() < count) {
			out.add(switch (i++ % 10) {
				case 0 -> truncate();
				case 1 -> dropField();
				case 2 -> duplicateField();
				case 3, 4 -> wrongType();
				case 5 -> invalidBase64();
				case 6 -> hugeString();
				case 7 -> invalidUtf8();
				case 8 -> nullValue();
				default -> garbage();
			});
		}
		return out;
	}

	private Mutation truncate() {
		int at = original.length <= 1 ? 0 : random.nextInt(original.length - 1);
		return new Mutation("truncated at " + at, java.util.Arrays.copyOf(original, at));
	}

	private Mutation dropField() {
		JsonNode copy = tree.deepCopy();
		Path target = pick(copy, true);
		if (target == null) {
			return garbage();
		}
		((ObjectNode) target.parent()).remove(target.field());
		return new Mutation("dropped " + target.field(), bytes(copy));
	}

	/** JSON allows a repeated key; parsers keep one of them. The event must still be read one way or refused. */
	private Mutation duplicateField() {
		String text = new String(original, StandardCharsets.UTF_8);
		int brace = text.indexOf('{');
		if (brace < 0) {
			return garbage();
		}
		Path target = pick(tree, true);
		if (target == null) {
			return garbage();
		}
		String duplicate = "\"" + target.field() + "\":" + randomScalar().toString() + ",";
		return new Mutation("duplicated " + target.field(),
				(text.substring(0, brace + 1) + duplicate + text.substring(brace + 1)).getBytes(StandardCharsets.UTF_8));
	}

	private Mutation wrongType() {
		JsonNode copy = tree.deepCopy();
		Path target = pick(copy, false);
		if (target == null) {
			return garbage();
		}
		JsonNode current = get(target);
		JsonNode replacement = current != null && current.isString() ? NODES.numberNode(random.nextInt(1000))
				: current != null && current.isNumber() ? NODES.stringNode("not-a-number")
				: current != null && current.isContainer() ? NODES.stringNode("not-a-container")
				: random.nextBoolean() ? NODES.objectNode().put("unexpected", true) : NODES.arrayNode().add(1);
		set(target, replacement);
		return new Mutation("wrong type at " + label(target), bytes(copy));
	}

	private Mutation invalidBase64() {
		JsonNode copy = tree.deepCopy();
		boolean changed = false;
		for (Path path : pathsOf(copy)) {
			if (path.field() != null && path.field().toLowerCase().matches(".*(body|data|base64|value|content).*")
					&& get(path) != null && get(path).isString()) {
				set(path, NODES.stringNode("%%%not*base64%%%"));
				changed = true;
			}
			if (path.field() != null && path.field().equalsIgnoreCase("isBase64Encoded")) {
				set(path, NODES.booleanNode(true));
			}
		}
		return changed ? new Mutation("invalid base64", bytes(copy)) : wrongType();
	}

	private Mutation hugeString() {
		JsonNode copy = tree.deepCopy();
		Path target = pick(copy, false);
		if (target == null) {
			return garbage();
		}
		set(target, NODES.stringNode("x".repeat(256 * 1024)));
		return new Mutation("huge string at " + label(target), bytes(copy));
	}

	private Mutation invalidUtf8() {
		byte[] copy = java.util.Arrays.copyOf(original, original.length);
		int quote = -1;
		for (int attempt = 0; attempt < 20 && quote < 0; attempt++) {
			int at = random.nextInt(copy.length);
			if (copy[at] == '"' && at + 1 < copy.length && copy[at + 1] != ':' && copy[at + 1] != ',') {
				quote = at;
			}
		}
		byte[] bad = { (byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE };
		int at = quote < 0 ? copy.length / 2 : quote + 1;
		byte[] out = new byte[copy.length + bad.length];
		System.arraycopy(copy, 0, out, 0, at);
		System.arraycopy(bad, 0, out, at, bad.length);
		System.arraycopy(copy, at, out, at + bad.length, copy.length - at);
		return new Mutation("invalid UTF-8 at " + at, out);
	}

	private Mutation nullValue() {
		JsonNode copy = tree.deepCopy();
		Path target = pick(copy, false);
		if (target == null) {
			return new Mutation("null event", "null".getBytes(StandardCharsets.UTF_8));
		}
		set(target, NODES.nullNode());
		return new Mutation("null at " + label(target), bytes(copy));
	}

	private Mutation garbage() {
		return switch (random.nextInt(5)) {
			case 0 -> new Mutation("empty body", new byte[0]);
			case 1 -> new Mutation("empty object", "{}".getBytes(StandardCharsets.UTF_8));
			case 2 -> new Mutation("empty array", "[]".getBytes(StandardCharsets.UTF_8));
			case 3 -> new Mutation("a bare string", "\"event\"".getBytes(StandardCharsets.UTF_8));
			default -> {
				byte[] noise = new byte[64];
				random.nextBytes(noise);
				yield new Mutation("random bytes", noise);
			}
		};
	}

	private JsonNode randomScalar() {
		return switch (random.nextInt(3)) {
			case 0 -> NODES.stringNode("dup");
			case 1 -> NODES.numberNode(7);
			default -> NODES.nullNode();
		};
	}

	private void collect(JsonNode node) {
		paths.clear();
		paths.addAll(pathsOf(node));
	}

	private static List<Path> pathsOf(JsonNode root) {
		List<Path> found = new ArrayList<>();
		walk(root, found);
		return found;
	}

	private static void walk(JsonNode node, List<Path> found) {
		if (node instanceof ObjectNode object) {
			for (String name : object.propertyNames()) {
				found.add(new Path(object, name, -1));
				walk(object.get(name), found);
			}
		}
		else if (node instanceof ArrayNode array) {
			for (int i = 0; i < array.size(); i++) {
				found.add(new Path(array, null, i));
				walk(array.get(i), found);
			}
		}
	}

	private Path pick(JsonNode root, boolean fieldsOnly) {
		List<Path> candidates = pathsOf(root).stream().filter(p -> !fieldsOnly || p.field() != null).toList();
		return candidates.isEmpty() ? null : candidates.get(random.nextInt(candidates.size()));
	}

	private static JsonNode get(Path path) {
		return path.field() != null ? path.parent().get(path.field()) : path.parent().get(path.index());
	}

	private static void set(Path path, JsonNode value) {
		if (path.field() != null) {
			((ObjectNode) path.parent()).set(path.field(), value);
		}
		else {
			((ArrayNode) path.parent()).set(path.index(), value);
		}
	}

	private static String label(Path path) {
		return path.field() != null ? path.field() : "[" + path.index() + "]";
	}

	private static byte[] bytes(JsonNode node) {
		return JSON.writeValueAsBytes(node);
	}
}
