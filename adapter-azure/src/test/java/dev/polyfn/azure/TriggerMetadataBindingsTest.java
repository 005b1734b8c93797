package dev.polyfn.azure;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.microsoft.azure.functions.annotation.BindingName;

import dev.polyfn.azure.host.FunctionsHost;
import dev.polyfn.azure.host.JavaWorker;

/**
 * The Java worker fails an invocation whose {@code @BindingName} key the host did not send, and the host leaves
 * out every null value. So the entry points bind by name only keys whose value is never null.
 */
class TriggerMetadataBindingsTest {

	/** Never null: a non-nullable long, the message id and blob path the service always returns, BlobProperties. */
	private static final Set<String> ALWAYS_SENT = Set.of("Id", "DequeueCount", "BlobTrigger", "Properties");

	@Test
	void every_entry_point_binds_only_keys_the_host_always_sends() {
		List<String> bound = Stream.of(HttpTriggerHandler.class, QueueTriggerHandler.class, BlobTriggerHandler.class,
				TimerTriggerHandler.class)
				.flatMap(type -> Arrays.stream(type.getMethods()))
				.map(Method::getParameters).flatMap(Arrays::stream)
				.map(p -> p.getAnnotation(BindingName.class)).filter(java.util.Objects::nonNull)
				.map(BindingName::value).toList();

		assertThat(bound).isNotEmpty().allMatch(ALWAYS_SENT::contains);
	}

	@Test
	void a_key_a_handler_binds_that_the_host_leaves_out_fails_inside_the_worker() {
		// Why the rule above matters: the handler never runs, polyfn cannot answer for it.
		JavaWorker.Outcome outcome = JavaWorker.invoke(new QueueTriggerHandler(AzureTestSupport.functions()),
				QueueTriggerHandlerTest.invocation("inspectMessage", "text").without("DequeueCount"));

		assertThat(outcome.failedInWorker()).isTrue();
		assertThat(outcome.failure()).hasMessageContaining("Cannot find matched @BindingName");
	}

	@Test
	void the_blob_trigger_binding_data_has_every_key_the_blob_handler_binds() {
		Set<String> sent = FunctionsHost.blobInvocation("planThumbnail", "content", "https://a.blob.core.windows.net",
				new FunctionsHost.Blob("c", "n", new byte[1], "image/png", "2026-12-01T00:00:00+00:00"))
				.triggerMetadata().keySet();

		assertThat(Arrays.stream(BlobTriggerHandler.class.getMethods()).map(Method::getParameters)
				.flatMap(Arrays::stream).map((Parameter p) -> p.getAnnotation(BindingName.class))
				.filter(java.util.Objects::nonNull).map(BindingName::value)).allMatch(sent::contains);
	}
}
