package dev.polyfn.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class MiniJsonTest {

	@Test
	void numbers_bind_as_jackson_binds_them_into_a_map() {
		Object tree = MiniJson.parse("{\"small\": 3, \"big\": 12345678901, \"ratio\": 0.5, \"list\": [true, null]}");

		assertThat(tree).isEqualTo(Map.of("small", 3, "big", 12345678901L, "ratio", 0.5,
				"list", java.util.Arrays.asList(true, null)));
	}

	@Test
	void written_text_parses_back_to_the_same_tree_escapes_included() {
		Map<String, Object> tree = Map.of("body", "{\"numbers\":[2,3,4]}\n\t\u0001", "list", List.of(1, "two"));

		assertThat(MiniJson.parse(MiniJson.write(tree))).isEqualTo(tree);
	}

	@Test
	void truncated_json_is_refused_with_the_offset() {
		assertThatThrownBy(() -> MiniJson.parse("{\"numbers\": [1, 2")).isInstanceOf(IllegalArgumentException.class)
			.hasMessageStartingWith("Not JSON at offset");
	}
}
