package dev.polyfn.packaging.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import dev.polyfn.core.deploy.DeploymentPlan;
import dev.polyfn.core.deploy.FunctionDeployment;
import dev.polyfn.core.events.JsonEvents;

/** The packager on plans the examples do not cover: no polyfn.deploy entries, anonymous HTTP, stale folders. */
class AzurePackagerTest {

	@TempDir
	Path dir;

	@Test
	void an_app_without_deploy_entries_gets_one_generic_http_function_routing_by_name() throws IOException {
		List<FunctionDeployment> plan = DeploymentPlan.from(new Properties(), AzurePackager.FALLBACK_FUNCTION);

		AzurePackager.write(plan, new AppSettings(null), jar(), dir.resolve("app"));

		JsonNode http = binding(dir.resolve("app/polyfn/function.json"));
		assertThat(JsonEvents.text(http, "route")).isEqualTo("{*function}");
		assertThat(JsonEvents.text(http, "authLevel")).isEqualTo("function");
	}

	@Test
	void auth_level_anonymous_opens_every_http_function() throws IOException {
		Properties properties = new Properties();
		properties.setProperty("polyfn.deploy.reverse.trigger", "http");

		AzurePackager.write(DeploymentPlan.from(properties, "app"), new AppSettings("anonymous"), jar(),
				dir.resolve("app"));

		assertThat(JsonEvents.text(binding(dir.resolve("app/reverse/function.json")), "authLevel"))
				.isEqualTo("anonymous");
	}

	@Test
	void an_unknown_auth_level_fails_the_build_naming_the_setting() {
		assertThatThrownBy(() -> new AppSettings("public")).hasMessageContaining("polyfn.azure.auth-level=public");
	}

	@Test
	void a_function_removed_from_the_plan_leaves_no_folder_behind() throws IOException {
		Properties before = new Properties();
		before.setProperty("polyfn.deploy.reverse.trigger", "http");
		before.setProperty("polyfn.deploy.square.trigger", "http");
		AzurePackager.write(DeploymentPlan.from(before, "app"), new AppSettings(null), jar(), dir.resolve("app"));
		Properties after = new Properties();
		after.setProperty("polyfn.deploy.reverse.trigger", "http");

		AzurePackager.write(DeploymentPlan.from(after, "app"), new AppSettings(null), jar(), dir.resolve("app"));

		assertThat(dir.resolve("app/reverse/function.json")).exists();
		assertThat(dir.resolve("app/square")).doesNotExist();
	}

	private Path jar() throws IOException {
		return Files.write(dir.resolve("app.jar"), new byte[] { 'P', 'K' });
	}

	private static JsonNode binding(Path functionJson) throws IOException {
		return JsonEvents.parse(Files.readAllBytes(functionJson)).get("bindings").get(0);
	}
}
