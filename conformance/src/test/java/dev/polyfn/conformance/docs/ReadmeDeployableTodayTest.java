package dev.polyfn.conformance.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import dev.polyfn.packaging.CloudRuntimes;

/**
 * The README tells a new user only what the clouds offer today: no runtime, command or setting that the
 * vendors' current docs (the rows of {@link CloudRuntimes}, checked 2026-12-01) retired.
 */
class ReadmeDeployableTodayTest {

	private static String readme() throws Exception {
		for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
			if (Files.isRegularFile(dir.resolve("README.md")) && Files.isDirectory(dir.resolve("function-core"))) {
				return Files.readString(dir.resolve("README.md"));
			}
		}
		throw new IllegalStateException("README.md of the polyfn project not found");
	}

	@Test
	void no_aws_instruction_names_an_amazon_linux_2_runtime() throws Exception {
		assertThat(readme()).doesNotContainPattern("--runtime java(8|11|17)\\b")
				.doesNotContainPattern("Runtime: java(8|11|17)\\b").doesNotContain("*Java 17*");
	}

	@Test
	void no_google_instruction_creates_a_function_with_the_legacy_command() throws Exception {
		assertThat(readme()).doesNotContain("gcloud functions deploy").doesNotContain("--gen2")
				.doesNotContainPattern("--base-image[= ]java17");
	}

	@Test
	void no_azure_instruction_sets_an_app_setting_flex_consumption_rejects() throws Exception {
		assertThat(readme()).doesNotContain("WEBSITE_RUN_FROM_PACKAGE").doesNotContain("FUNCTIONS_WORKER_RUNTIME=java");
	}

	@Test
	void every_fc_layer_the_readme_names_is_one_fc_publishes() throws Exception {
		Matcher layers = Pattern.compile("official:layers/(Java\\d+)/versions/(\\d+)").matcher(readme());
		int named = 0;
		while (layers.find()) {
			CloudRuntimes.requireUsable("aliyun", "acs:fc:${vars.region}:official:layers/" + layers.group(1)
					+ "/versions/" + layers.group(2), "README.md");
			named++;
		}
		assertThat(named).isPositive();
	}

	@Test
	void no_tencent_instruction_picks_a_java_runtime_scf_does_not_offer() throws Exception {
		assertThat(readme()).doesNotContainPattern("(?i)runtime[^\\n]{0,20}Java ?(17|21|25)\\b[^\\n]{0,40}SCF")
				.doesNotContain("`Java17` (or `Java21`) runtime");
	}
}
