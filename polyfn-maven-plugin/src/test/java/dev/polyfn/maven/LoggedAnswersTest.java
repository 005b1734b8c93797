package dev.polyfn.maven;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** An event function's answer, read back from the line function-core logs on dev.polyfn.answers at DEBUG. */
class LoggedAnswersTest {

	private static final String GCP_LOG = """
			2026-12-02T06:50:33.4Z INFO  [main] dev.polyfn.core.boot.PolyfnRuntime : polyfn started ExamplesApplication for gcp in 161 ms
			2026-12-02T06:50:33.5Z DEBUG [main] [fe95] dev.polyfn.answers : Function 'planThumbnail' answered 200 [requestId=fe95]: {"source":"cat.png","target":"thumbnails/cat.png"}
			""";

	@Test
	void the_answer_is_what_follows_the_request_id_on_the_functions_answer_line() {
		assertThat(LoggedAnswers.last(GCP_LOG, "planThumbnail")).isEqualTo("{\"source\":\"cat.png\",\"target\":\"thumbnails/cat.png\"}");
	}

	@Test
	void the_last_of_several_answers_is_the_one_shown() {
		String log = GCP_LOG + "x DEBUG dev.polyfn.answers : Function 'planThumbnail' answered 200 [requestId=2]: {\"n\":2}\n";
		assertThat(LoggedAnswers.last(log, "planThumbnail")).isEqualTo("{\"n\":2}");
	}

	@Test
	void another_functions_answer_is_not_taken() {
		assertThat(LoggedAnswers.last(GCP_LOG, "thumbnail")).isNull();
	}

	@Test
	void an_outcome_without_a_logged_answer_stays_as_it_was() {
		InvocationOutcome outcome = new InvocationOutcome("HTTP 200", null, false, "no answer line", 1, 1);
		assertThat(outcome.withLoggedAnswer("planThumbnail")).isSameAs(outcome);
	}

	@Test
	void the_logged_answer_says_where_it_comes_from() {
		InvocationOutcome outcome = new InvocationOutcome("HTTP 200", null, false, GCP_LOG, 1, 1).withLoggedAnswer("planThumbnail");
		assertThat(outcome.answerSource()).isEqualTo("function answer (from its log: dev.polyfn.answers at DEBUG)");
	}
}
