package dev.polyfn.messaging.azure;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.azure.storage.queue.QueueClient;
import com.azure.storage.queue.QueueClientBuilder;
import com.azure.storage.queue.QueueMessageEncoding;

import dev.polyfn.core.boot.PolyfnRuntime;
import dev.polyfn.core.invoke.FunctionInput;
import dev.polyfn.core.invoke.InvocationContext;
import dev.polyfn.core.invoke.InvocationResult;
import dev.polyfn.messagingazuresample.QueueSampleApplication;
import dev.polyfn.local.azure.AzuriteServer;

/** The module as an application has it: on the classpath, found by the light start-up, chosen on Azure. */
class StorageQueueWiringTest {

	private static AzuriteServer azurite;
	private static QueueClient results;

	@BeforeAll
	static void startAzurite() throws Exception {
		azurite = AzuriteServer.start(Path.of("target/azurite/wiring.log"), AzuriteServer.Service.QUEUE);
		results = new QueueClientBuilder().connectionString(azurite.connectionString()).queueName("wiring-results")
			.messageEncoding(QueueMessageEncoding.BASE64).buildClient();
		results.create();
	}

	@AfterAll
	static void stop() {
		azurite.close();
	}

	private static PolyfnRuntime startOnAzure(String function) {
		return PolyfnRuntime.start(QueueSampleApplication.class, "azure", Map.of("spring.cloud.function.definition", function,
				"AzureWebJobsStorage", azurite.connectionString(), "polyfn.messaging.results.destination", "wiring-results"));
	}

	private static InvocationResult invoke(PolyfnRuntime runtime, String function, String body) {
		return runtime.invoker().invoke(function, FunctionInput.of(body.getBytes(StandardCharsets.UTF_8), "text/plain"),
				InvocationContext.of("azure", "inv-1", function));
	}

	@Test
	void on_azure_an_alias_without_a_provider_setting_publishes_to_the_storage_queue() {
		try (PolyfnRuntime runtime = startOnAzure("announce")) {
			invoke(runtime, "announce", "all green");
		}

		assertThat(results.receiveMessage().getBody().toString()).isEqualTo("all green");
	}

	@Test
	void a_function_that_publishes_nothing_never_makes_the_queue_provider() {
		try (PolyfnRuntime runtime = startOnAzure("shout")) {
			invoke(runtime, "shout", "hi");

			assertThat(runtime.context().getBeanFactory().containsSingleton("polyfnStorageQueueMessagingProvider")).isFalse();
		}
	}
}
