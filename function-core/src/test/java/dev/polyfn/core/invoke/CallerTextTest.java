package dev.polyfn.core.invoke;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CallerTextTest {

	@Test
	void a_cloud_request_id_is_kept_as_it_is() {
		assertThat(CallerText.requestId("c6af9ac6-7b61-11e6-9a41-93e8deadbeef")).isEqualTo("c6af9ac6-7b61-11e6-9a41-93e8deadbeef");
		assertThat(CallerText.requestId("1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8"))
			.isEqualTo("1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8");
	}

	@Test
	void escapes_line_breaks_and_spaces_become_underscores() {
		assertThat(CallerText.requestId("id\u001b[31m red\r\nERROR forged")).isEqualTo("id__31m_red__ERROR_forged");
	}

	@Test
	void a_5000_character_id_is_cut_at_128() {
		assertThat(CallerText.requestId("a".repeat(5000))).hasSize(CallerText.MAX_REQUEST_ID);
	}

	@Test
	void an_id_that_is_only_unsafe_characters_still_identifies_the_call() {
		InvocationContext context = InvocationContext.of("web", "\u001b\u001b", null);

		assertThat(context.requestId()).isEqualTo("__");
		assertThat(InvocationContext.of("web", "  ", null).requestId()).hasSize(36);
	}

	@Test
	void an_excerpt_is_printable_and_bounded() {
		assertThat(CallerText.excerpt("nope\u001b[31m\n", 100)).isEqualTo("nope?[31m?");
		assertThat(CallerText.excerpt("x".repeat(500), 100)).hasSize(103).endsWith("...");
	}
}
