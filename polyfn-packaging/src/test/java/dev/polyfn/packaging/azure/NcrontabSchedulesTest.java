package dev.polyfn.packaging.azure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NcrontabSchedulesTest {

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {
			"PT30S | */30 * * * * *",
			"PT1M  | 0 * * * * *",
			"PT5M  | 0 */5 * * * *",
			"PT1H  | 0 0 * * * *",
			"PT6H  | 0 0 */6 * * *",
			"P1D   | 0 0 0 * * *",
			"PT90M | 01:30:00",
			"PT7M  | 00:07:00" })
	void an_interval_becomes_an_azure_timer_schedule(String interval, String schedule) {
		assertThat(NcrontabSchedules.every(Duration.parse(interval))).isEqualTo(schedule);
	}
}
