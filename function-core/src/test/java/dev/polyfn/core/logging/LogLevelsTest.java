package dev.polyfn.core.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.slf4j.event.Level;

class LogLevelsTest {

	@Test
	void the_most_specific_configured_logger_wins() {
		LogLevels levels = LogLevels.of(Map.of("root", "WARN", "dev.polyfn", "DEBUG", "dev.polyfn.core.http", "ERROR"));

		assertThat(levels.levelOf("org.springframework.beans")).isEqualTo(Level.WARN);
		assertThat(levels.levelOf("dev.polyfn.core.invoke.FunctionInvoker")).isEqualTo(Level.DEBUG);
		assertThat(levels.levelOf("dev.polyfn.core.http.PolyfnHttpServer")).isEqualTo(Level.ERROR);
	}

	@Test
	void nothing_configured_is_info() {
		assertThat(LogLevels.of(Map.of()).levelOf("anything")).isEqualTo(Level.INFO);
	}

	@Test
	void off_turns_a_logger_off() {
		assertThat(LogLevels.of(Map.of("noisy", "OFF")).levelOf("noisy.Child")).isNull();
	}

	@Test
	void environment_variables_name_loggers_as_spring_boot_reads_them() {
		LogLevels levels = LogLevels.fromProcess(Map.of("LOGGING_LEVEL_ROOT", "error", "LOGGING_LEVEL_DEV_POLYFN", "debug"),
				Map.of());

		assertThat(levels.levelOf("dev.polyfn.core.X")).isEqualTo(Level.DEBUG);
		assertThat(levels.levelOf("org.other")).isEqualTo(Level.ERROR);
	}

	@Test
	void lambda_log_level_sets_the_root_unless_a_setting_says_otherwise() {
		assertThat(LogLevels.fromProcess(Map.of("AWS_LAMBDA_LOG_LEVEL", "WARN"), Map.of()).levelOf("x")).isEqualTo(Level.WARN);
		assertThat(LogLevels.fromProcess(Map.of("AWS_LAMBDA_LOG_LEVEL", "WARN"), Map.of("logging.level.root", "DEBUG"))
			.levelOf("x")).isEqualTo(Level.DEBUG);
	}
}
