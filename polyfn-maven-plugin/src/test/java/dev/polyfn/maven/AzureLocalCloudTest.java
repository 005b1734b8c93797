package dev.polyfn.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.polyfn.local.MiniJson;

/**
 * The Azure package folders as AzurePackager writes them (target/polyfn/azure/&lt;app&gt;/ for the Java worker,
 * &lt;app&gt;-custom-handler/ beside it), and what invoke prints for a function the app does not declare.
 */
class AzureLocalCloudTest {

	@TempDir
	Path out;

	private Path staging;
	private Path customHandler;

	@BeforeEach
	void packageFolders() throws IOException {
		staging = Files.createDirectories(out.resolve("shop-1.0.0"));
		Files.writeString(staging.resolve("host.json"), "{\"version\":\"2.0\"}");
		for (String function : List.of("square", "shout")) {
			Files.writeString(Files.createDirectories(staging.resolve(function)).resolve("function.json"), "{}");
		}
		customHandler = Files.createDirectories(out.resolve("shop-1.0.0-custom-handler"));
		Files.writeString(customHandler.resolve("host.json"),
				"{\"version\":\"2.0\",\"customHandler\":{\"description\":{\"defaultExecutablePath\":\"/bin/bash\"}}}");
	}

	@Test
	void an_unknown_function_prints_the_hosts_empty_404_and_fails() throws IOException {
		InvocationOutcome outcome = AzureLocalCloud.unknownFunction("nope", staging);
		assertThat(List.of(outcome.response(), outcome.failed())).containsExactly(AzureLocalCloud.HOST_404, true);
	}

	@Test
	void an_unknown_function_is_explained_with_the_404_contract_naming_the_apps_functions() throws IOException {
		InvocationOutcome outcome = AzureLocalCloud.unknownFunction("nope", staging);
		assertThat(MiniJson.parse(outcome.functionAnswer())).isEqualTo(Map.of("error", "function_not_found", "message",
				"No function named 'nope' in the Azure app shop-1.0.0; its functions are [shout, square]"));
	}

	@Test
	void the_java_worker_staging_is_found_from_either_packages_host_json() throws IOException {
		assertThat(List.of(AzureLocalCloud.javaWorkerStaging(staging.resolve("host.json")),
				AzureLocalCloud.javaWorkerStaging(customHandler.resolve("host.json")))).containsExactly(staging, staging);
	}

	@Test
	void run_serves_the_custom_handler_package_beside_the_staging_folder() throws IOException {
		assertThat(AzureLocalCloud.customHandler(staging.resolve("host.json"))).contains(customHandler);
	}

	@Test
	void without_a_custom_handler_package_run_has_none_to_serve() throws IOException {
		Files.delete(customHandler.resolve("host.json"));
		assertThat(AzureLocalCloud.customHandler(staging.resolve("host.json"))).isEmpty();
	}
}
