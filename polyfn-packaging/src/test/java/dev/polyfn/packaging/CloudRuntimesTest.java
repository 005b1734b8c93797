package dev.polyfn.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Properties;

import org.junit.jupiter.api.Test;

class CloudRuntimesTest {

	@Test
	void every_cloud_with_rows_has_exactly_one_default_and_it_runs_java_17_or_newer() {
		CloudRuntimes.all().stream().map(CloudRuntime::cloud).distinct().forEach(cloud -> {
			assertThat(CloudRuntimes.of(cloud).stream().filter(r -> r.status() == CloudRuntime.Status.DEFAULT))
					.as(cloud).hasSize(1);
			assertThat(CloudRuntimes.target(cloud, null).usable()).as(cloud).isTrue();
		});
	}

	@Test
	void every_row_cites_the_page_and_day_it_was_checked() {
		assertThat(CloudRuntimes.all()).allSatisfy(row -> {
			assertThat(row.page()).startsWith("https://");
			assertThat(row.checked()).isNotNull();
		});
	}

	@Test
	void a_configured_runtime_the_cloud_offers_is_taken() {
		Properties properties = new Properties();
		properties.setProperty("polyfn.aws.runtime", "java21");
		assertThat(CloudRuntimes.target("aws", properties).id()).isEqualTo("java21");
	}

	@Test
	void a_configured_runtime_the_table_marks_deprecated_fails_naming_the_setting() {
		Properties properties = new Properties();
		properties.setProperty("polyfn.aws.runtime", "java17");
		assertThatThrownBy(() -> CloudRuntimes.target("aws", properties))
				.hasMessageContaining("polyfn.aws.runtime names the runtime 'java17', which is deprecated since 2026-06-30")
				.hasMessageContaining("offered: [java25, java21]");
	}

	@Test
	void a_runtime_the_cloud_never_offered_fails_with_the_list_of_offered_ones() {
		assertThatThrownBy(() -> CloudRuntimes.requireUsable("gcp", "java99", "deploy.sh"))
				.hasMessage("deploy.sh names the runtime 'java99', which gcp does not offer; offered: [java25, java21]");
	}
}
