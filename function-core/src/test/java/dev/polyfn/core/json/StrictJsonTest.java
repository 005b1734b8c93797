package dev.polyfn.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;

/** The shared mapper reads what the JSON says or refuses it: no rounding, no last-wins, no Infinity. */
class StrictJsonTest {

	public record Order(String sku, Integer quantity) {
	}

	public record Reading(String deviceId, Double temperature, float ratio) {
	}

	public record Numbers(List<BigDecimal> numbers) {
	}

	private final ObjectMapper mapper = PolyfnJson.mapper();

	@Test
	void strict_is_the_default() {
		assertThat(JsonLimits.strict()).isTrue();
		assertThat(JsonLimits.strictFrom(null, null)).isTrue();
		assertThat(JsonLimits.strictFrom(null, "false")).isFalse();
		assertThat(JsonLimits.strictFrom("true", "false")).isTrue();
	}

	@Test
	void a_fraction_for_an_integer_is_refused_not_truncated() {
		assertRefused("{\"sku\":\"apple\",\"quantity\":1.7}", Order.class, "expected a whole number within range at $.quantity");
	}

	@Test
	void a_whole_number_for_an_integer_still_reads() {
		assertThat(mapper.readValue("{\"sku\":\"apple\",\"quantity\":3}", Order.class).quantity()).isEqualTo(3);
	}

	@Test
	void an_integer_past_its_type_is_refused() {
		assertRefused("{\"quantity\":12345678901}", Order.class, "expected a whole number within range at $.quantity");
	}

	@Test
	void a_repeated_key_is_refused() {
		assertRefused("{\"sku\":\"apple\",\"sku\":\"pear\"}", Order.class, "a key appears twice in one object (line 1");
		assertRefused("{\"a\":1,\"a\":2}", Map.class, "a key appears twice");
	}

	@Test
	void a_double_past_its_range_is_refused_not_infinity() {
		assertRefused("{\"deviceId\":\"d\",\"temperature\":1e309}", Reading.class,
				"expected a finite number within range at $.temperature");
		assertRefused("{\"deviceId\":\"d\",\"temperature\":\"Infinity\"}", Reading.class, "$.temperature");
		assertRefused("{\"deviceId\":\"d\",\"ratio\":1e39}", Reading.class, "$.ratio");
	}

	@Test
	void a_decimal_with_an_absurd_exponent_is_refused() {
		assertRefused("{\"numbers\":[2,1e2147483647]}", Numbers.class, "expected a finite number within range at $.numbers[1]");
		assertThat(mapper.readValue("{\"numbers\":[1e300]}", Numbers.class).numbers()).containsExactly(new BigDecimal("1e300"));
	}

	@Test
	void limits_are_refused_with_the_limit_named() {
		String deep = "[".repeat(JsonLimits.MAX_NESTING_DEPTH + 1) + "]".repeat(JsonLimits.MAX_NESTING_DEPTH + 1);
		assertRefused(deep, Object.class, "nesting deeper than 256");
		assertRefused("[" + "1".repeat(JsonLimits.MAX_NUMBER_LENGTH + 1) + "]", Object.class, "a number longer than 1000");
		assertRefused("{\"" + "k".repeat(JsonLimits.MAX_NAME_LENGTH + 1) + "\":1}", Object.class,
				"a property name longer than 10000");
	}

	@Test
	void the_description_names_neither_the_value_nor_a_java_type() {
		String problem = problem("{\"sku\":\"apple\",\"quantity\":\"SECRET-VALUE\"}", Order.class);

		assertThat(problem).isEqualTo("expected a whole number within range at $.quantity")
			.doesNotContain("SECRET").doesNotContain("Integer").doesNotContain("Order");
	}

	@Test
	void malformed_json_is_described_by_its_position_only() {
		assertThat(problem("{\"sku\": SECRET}", Order.class)).isEqualTo("it is not well-formed JSON (line 1, column 9)");
		assertThat(problem("{\"sku\": \"x\"", Order.class)).startsWith("it ends before the JSON value does");
	}

	private void assertRefused(String json, Class<?> type, String description) {
		assertThat(problem(json, type)).contains(description);
	}

	private String problem(String json, Class<?> type) {
		Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> mapper.readValue(json, type));
		assertThat(thrown).isInstanceOf(JacksonException.class);
		return JsonProblems.describe(thrown);
	}
}
