package dev.polyfn.packaging.azure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;

import org.junit.jupiter.api.Test;

import dev.polyfn.core.testing.PackagedBuild;

/** README and DEPLOY.md say the same about which function runs and which package to deploy, word for word. */
class ReadmeAzureStatementsTest {

	@Test
	void the_readme_states_which_function_runs_and_which_package_exactly_as_deploy_md() throws IOException {
		String readme = Files.readString(PackagedBuild.projectRoot().resolve("README.md"));

		assertThat(readme).contains(AzureDeploySummary.WHICH_FUNCTION_RUNS, AzureDeploySummary.WHICH_PACKAGE);
	}

	@Test
	void the_readmes_azure_section_names_nothing_flex_consumption_refuses() throws IOException {
		String readme = Files.readString(PackagedBuild.projectRoot().resolve("README.md"));
		int start = readme.indexOf("\n## Azure Functions\n");
		String azure = readme.substring(start, readme.indexOf("\n## ", start + 5));

		assertThat(azure).doesNotContain("WEBSITE_RUN_FROM_PACKAGE", "FUNCTIONS_WORKER_RUNTIME",
				"--consumption-plan-location", "--runtime-version 17");
	}
}
