package dev.polyfn.azure;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.polyfn.azure.customhandler.ForwardedHttpEndpoint;
import dev.polyfn.azure.host.HostHttpResponse;
import dev.polyfn.azure.testapp.AzureTestApplication;
import dev.polyfn.core.boot.PolyfnRuntime;
import dev.polyfn.core.model.PortableHttpRequest;
import dev.polyfn.core.model.PortableHttpResponse;

/**
 * The rule README and DEPLOY.md state ({@code AzureDeploySummary.WHICH_FUNCTION_RUNS}), in an app deployed with
 * SPRING_CLOUD_FUNCTION_DEFINITION=reverse and one deploy entry (whoami): the named Azure function runs its own
 * bean, the catch-all runs the configured function on every path, on the Java worker and as a custom handler.
 */
class WhichFunctionRunsTest {

	private static PolyfnRuntime runtime;

	@BeforeAll
	static void start() {
		runtime = PolyfnRuntime.start(AzureTestApplication.class, "azure", Map.of(
				"spring.cloud.function.definition", "reverse", "polyfn.deploy.whoami.trigger", "http"));
	}

	@AfterAll
	static void stop() {
		runtime.close();
	}

	@Test
	void the_java_workers_catch_all_function_runs_the_configured_function_on_every_path() {
		HttpTriggerHandler handler = new HttpTriggerHandler(AzureFunctionRuntime.of(runtime));

		HostHttpResponse response = AzureTestSupport.http(handler, "polyfn", "POST",
				"https://app.azurewebsites.net/api/thumbnail", AzureTestSupport.contentType("text/plain"),
				"abc".getBytes(StandardCharsets.UTF_8)).http();

		assertThat(response.text()).isEqualTo("cba");
	}

	@Test
	void a_named_azure_function_runs_its_own_bean_whatever_is_configured() {
		HttpTriggerHandler handler = new HttpTriggerHandler(AzureFunctionRuntime.of(runtime));

		HostHttpResponse response = AzureTestSupport.http(handler, "whoami", "POST",
				"https://app.azurewebsites.net/api/whoami", AzureTestSupport.contentType("text/plain"),
				"abc".getBytes(StandardCharsets.UTF_8)).http();

		assertThat(response.text()).endsWith(" whoami azure");
	}

	@Test
	void the_custom_handler_follows_the_same_rule() {
		ForwardedHttpEndpoint endpoint = new ForwardedHttpEndpoint(runtime.http(), runtime.context().getEnvironment());

		PortableHttpResponse catchAll = endpoint.handle(post("/api/thumbnail"));
		PortableHttpResponse named = endpoint.handle(post("/api/whoami"));

		assertThat(new String(catchAll.body(), StandardCharsets.UTF_8)).isEqualTo("cba");
		assertThat(new String(named.body(), StandardCharsets.UTF_8)).endsWith(" azure");
	}

	private static PortableHttpRequest post(String path) {
		return PortableHttpRequest.builder().method("POST").path(path).header("Content-Type", "text/plain")
				.body("abc".getBytes(StandardCharsets.UTF_8)).build();
	}
}
