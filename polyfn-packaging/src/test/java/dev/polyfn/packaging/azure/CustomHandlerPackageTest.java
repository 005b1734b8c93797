package dev.polyfn.packaging.azure;

import static org.assertj.core.api.Assertions.assertThat;

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

class CustomHandlerPackageTest {

	@TempDir
	Path dir;

	@Test
	void an_app_without_deploy_entries_gets_the_catch_all_function_forwarded_to_the_handler() throws Exception {
		List<FunctionDeployment> plan = DeploymentPlan.from(new Properties(), AzurePackager.FALLBACK_FUNCTION);

		CustomHandlerPackage.Written written = write(plan);

		JsonNode function = json(written.folder().resolve("polyfn/function.json"));
		assertThat(function.has("scriptFile")).isFalse();
		assertThat(JsonEvents.text(function.get("bindings").get(0), "route")).isEqualTo("{*function}");
		assertThat(JsonEvents.text(function.get("bindings").get(0), "name")).isEqualTo("req");
		JsonNode host = json(written.folder().resolve("host.json"));
		assertThat(JsonEvents.text(host, "customHandler", "description", "defaultExecutablePath")).isEqualTo("/bin/bash");
		assertThat(JsonEvents.at(host, "customHandler", "description", "arguments").get(0).asString())
				.isEqualTo(CustomHandlerScript.NAME);
		assertThat(JsonEvents.text(host, "customHandler", "enableForwardingHttpRequest")).isEqualTo("true");
		assertThat(JsonEvents.text(host, "extensions", "http", "routePrefix")).isEqualTo("api");
	}

	@Test
	void event_functions_stay_in_the_java_worker_package_and_are_listed_as_such() throws Exception {
		Properties properties = new Properties();
		properties.setProperty("polyfn.deploy.reverse.trigger", "http");
		properties.setProperty("polyfn.deploy.processOrder.trigger", "queue");
		properties.setProperty("polyfn.deploy.processOrder.source", "orders");

		CustomHandlerPackage.Written written = write(DeploymentPlan.from(properties, "app"));

		assertThat(written.deployed()).extracting(FunctionDeployment::name).containsExactly("reverse");
		assertThat(written.skipped()).singleElement().asString().contains("processOrder", "Java-worker package");
		assertThat(Files.exists(written.folder().resolve("processOrder"))).isFalse();
		assertThat(Files.readString(written.folder().resolve(CustomHandlerScript.NAME)))
				.contains("FUNCTIONS_CUSTOMHANDLER_PORT").contains("-cp app.jar:lib/dependency.jar ").contains("$HERE/jre");
		assertThat(written.classData()).startsWith("none: no bundled JRE");
		assertThat(written.jre()).startsWith("none");
	}

	private CustomHandlerPackage.Written write(List<FunctionDeployment> plan) throws Exception {
		Path jar = Files.writeString(dir.resolve("app.jar"), "jar");
		Path lib = Files.createDirectories(dir.resolve("lib"));
		Files.writeString(lib.resolve("dependency.jar"), "jar");
		return CustomHandlerPackage.write(plan, new AppSettings(null), jar, lib, dir.resolve("app-custom-handler"), false,
				true);
	}

	private static JsonNode json(Path file) throws Exception {
		return JsonEvents.parse(Files.readAllBytes(file));
	}
}
