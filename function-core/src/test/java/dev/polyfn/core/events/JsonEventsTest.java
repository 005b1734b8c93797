package dev.polyfn.core.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import dev.polyfn.core.invoke.FunctionFailure;

class JsonEventsTest {

	@Test
	void malformed_json_is_a_400_failure() {
		assertThatThrownBy(() -> JsonEvents.parse("{\"a\":".getBytes(StandardCharsets.UTF_8)))
			.isInstanceOfSatisfying(FunctionFailure.class, f -> assertThat(f.error().status()).isEqualTo(400));
	}

	@Test
	void invalid_base64_is_a_400_failure_naming_the_field() {
		assertThatThrownBy(() -> JsonEvents.base64("not base64!", "body"))
			.isInstanceOfSatisfying(FunctionFailure.class, f -> assertThat(f.getMessage()).contains("body"));
	}

	@Test
	void a_flag_given_as_an_object_is_a_400_failure() {
		var node = JsonEvents.parse("{\"isBase64Encoded\":{\"x\":1}}".getBytes(StandardCharsets.UTF_8));
		assertThatThrownBy(() -> JsonEvents.bool(node, "isBase64Encoded"))
			.isInstanceOfSatisfying(FunctionFailure.class, f -> assertThat(f.error().status()).isEqualTo(400));
	}

	@Test
	void reads_times_in_every_form_clouds_use() {
		assertThat(JsonEvents.time("2019-12-15T12:30:00Z")).hasToString("2019-12-15T12:30Z");
		assertThat(JsonEvents.time("1560234061")).hasToString("2019-06-11T06:21:01Z");
		assertThat(JsonEvents.time("1560234061000")).hasToString("2019-06-11T06:21:01Z");
		assertThat(JsonEvents.time("2021-03-10 12:00:00")).hasToString("2021-03-10T12:00Z");
		assertThat(JsonEvents.time("yesterday")).isNull();
	}

	@Test
	void missing_fields_are_null_not_errors() {
		var node = JsonEvents.parse("{\"a\":{\"b\":null}}".getBytes(StandardCharsets.UTF_8));
		assertThat(JsonEvents.text(node, "a", "b")).isNull();
		assertThat(JsonEvents.text(node, "a", "b", "c")).isNull();
		assertThat(JsonEvents.longValue(node, "x")).isNull();
	}
}
