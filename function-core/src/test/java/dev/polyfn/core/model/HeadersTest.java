package dev.polyfn.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HeadersTest {

	@Test
	void names_match_without_regard_to_case_and_keep_the_case_they_arrived_in() {
		Headers headers = new Headers().add("X-Trace", "a").add("x-trace", "b");

		assertThat(headers.all("X-TRACE")).containsExactly("a", "b");
		assertThat(headers.names()).containsExactly("X-Trace");
	}

	@Test
	void add_new_refuses_a_name_already_there_in_any_case() {
		Headers headers = new Headers();

		assertThat(headers.addNew("Accept", "text/plain")).isTrue();
		assertThat(headers.addNew("accept", "application/json")).isFalse();
		assertThat(headers.all("Accept")).containsExactly("text/plain");
	}
}
