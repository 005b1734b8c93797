package dev.polyfn.azure.events;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BindingValuesTest {

	@ParameterizedTest
	@CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
			"'\"2019-10-09T17:58:31+00:00\"' | 2019-10-09T17:58:31+00:00",
			"2019-10-09T17:58:31+00:00       | 2019-10-09T17:58:31+00:00",
			"'\"uploads/a \\\"b\\\".png\"'   | uploads/a \"b\".png",
			"'\"'                            | '\"'" })
	void a_bound_metadata_value_reads_the_same_with_or_without_json_quotes(String bound, String text) {
		assertThat(BindingValues.text(bound)).isEqualTo(text);
	}
}
