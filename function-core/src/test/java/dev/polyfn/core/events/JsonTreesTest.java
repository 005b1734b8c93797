package dev.polyfn.core.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import dev.polyfn.core.json.PolyfnJson;
import dev.polyfn.core.testing.Fixtures;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.POJONode;

/** The streaming tree reader and writer must be indistinguishable from Jackson databind's own. */
class JsonTreesTest {

	static List<Path> fixtures() throws IOException {
		try (Stream<Path> walk = Files.walk(Fixtures.root())) {
			return walk.filter(p -> p.toString().endsWith(".json")).sorted().toList();
		}
	}

	@ParameterizedTest
	@MethodSource("fixtures")
	void every_vendor_fixture_reads_and_writes_exactly_as_databind_does(Path fixture) throws IOException {
		byte[] json = Files.readAllBytes(fixture);
		JsonNode expected = PolyfnJson.mapper().readTree(json);

		JsonNode tree = JsonEvents.parse(json);

		assertThat(tree).isEqualTo(expected);
		assertThat(new String(JsonEvents.toBytes(tree))).isEqualTo(new String(PolyfnJson.mapper().writeValueAsBytes(expected)));
	}

	@Test
	void a_repeated_name_is_malformed_under_strict_json_as_in_databind() {
		assertThatThrownBy(() -> JsonEvents.readTree("{\"a\":1,\"a\":2}".getBytes())).isInstanceOf(JacksonException.class);
		assertThatThrownBy(() -> PolyfnJson.mapper().readTree("{\"a\":1,\"a\":2}")).isInstanceOf(JacksonException.class);
	}

	@Test
	void a_number_beyond_a_double_is_malformed_under_strict_json() {
		assertThatThrownBy(() -> JsonEvents.readTree("{\"t\":1e309}".getBytes())).isInstanceOf(JacksonException.class);
	}

	@Test
	void numbers_keep_their_kind() {
		JsonNode tree = JsonEvents.parse("[1, 12345678901, 123456789012345678901234567890, 1.5, -0.0]".getBytes());
		assertThat(new String(JsonEvents.toBytes(tree))).isEqualTo("[1,12345678901,123456789012345678901234567890,1.5,-0.0]");
	}

	@Test
	void content_after_the_json_value_is_malformed_json() {
		assertThatThrownBy(() -> JsonEvents.readTree("{\"a\":1} trailing".getBytes())).isInstanceOf(JacksonException.class);
	}

	@Test
	void an_empty_body_is_a_missing_node() {
		assertThat(JsonEvents.readTree(new byte[0]).isMissingNode()).isTrue();
	}

	@Test
	void a_tree_holding_a_java_object_is_written_by_databind() {
		var tree = JsonEvents.object();
		tree.set("value", new POJONode(java.util.Map.of("k", "v")));
		assertThat(new String(JsonEvents.toBytes(tree))).isEqualTo("{\"value\":{\"k\":\"v\"}}");
	}
}
