package dev.polyfn.core.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.slf4j.event.Level;
import org.slf4j.helpers.BasicMDCAdapter;

import dev.polyfn.core.json.PolyfnJson;
import tools.jackson.databind.JsonNode;

class LogLineWriterTest {

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();
	private final BasicMDCAdapter mdc = new BasicMDCAdapter();

	private String written() {
		return out.toString(StandardCharsets.UTF_8);
	}

	@Test
	void a_text_line_carries_level_thread_request_id_logger_and_message() {
		mdc.put("requestId", "req-1");
		writer(Map.of()).write(Level.WARN, "dev.polyfn.X", "careful", null);

		assertThat(written()).matches("\\d{4}-\\d\\d-\\d\\dT[^ ]+ WARN  \\[[^]]+\\] \\[req-1\\] dev.polyfn.X : careful\\R");
	}

	@Test
	void a_line_break_or_escape_in_a_message_cannot_forge_a_line_or_drive_a_terminal() {
		writer(Map.of()).write(Level.WARN, "x", "No function named 'a\n2026-01-01 ERROR forged\u001b[31m'", null);

		assertThat(written()).hasLineCount(1).contains("'a\\u000a2026-01-01 ERROR forged\\u001b[31m'");
	}

	@Test
	void on_lambda_a_stack_trace_stays_in_its_one_line() {
		writer(Map.of("AWS_LAMBDA_FUNCTION_NAME", "fn")).write(Level.ERROR, "x", "failed", new IllegalStateException("boom"));

		assertThat(written().indexOf('\n')).as("one line feed, at the end").isEqualTo(written().length() - 1);
		assertThat(written()).contains("failed\rjava.lang.IllegalStateException: boom\r\tat ");
	}

	@Test
	void elsewhere_a_stack_trace_follows_on_its_own_lines() {
		writer(Map.of()).write(Level.ERROR, "x", "failed", new IllegalStateException("boom"));

		assertThat(written().lines().skip(1).findFirst()).hasValue("java.lang.IllegalStateException: boom");
	}

	@Test
	void lambda_json_log_format_writes_one_json_object_per_event() {
		mdc.put("requestId", "req-2");
		writer(Map.of("AWS_LAMBDA_LOG_FORMAT", "JSON")).write(Level.INFO, "dev.polyfn.X", "say \"hi\"\n", null);

		JsonNode line = PolyfnJson.mapper().readTree(written().trim());
		assertThat(line.get("level").asString()).isEqualTo("INFO");
		assertThat(line.get("requestId").asString()).isEqualTo("req-2");
		assertThat(line.get("message").asString()).isEqualTo("say \"hi\"\n");
	}

	private LogLineWriter writer(Map<String, String> env) {
		return LogLineWriter.forProcess(new PrintStream(out, true, StandardCharsets.UTF_8), mdc, env);
	}
}
