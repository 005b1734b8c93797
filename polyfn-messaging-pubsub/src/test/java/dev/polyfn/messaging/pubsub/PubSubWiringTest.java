package dev.polyfn.messaging.pubsub;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.polyfn.core.boot.PolyfnRuntime;
import dev.polyfn.core.invoke.FunctionInput;
import dev.polyfn.core.invoke.InvocationContext;
import dev.polyfn.core.invoke.InvocationResult;
import dev.polyfn.messaging.pubsub.testing.PubSubEmulator;
import dev.polyfn.messaging.pubsub.testing.PubSubEmulator.Received;
import dev.polyfn.pubsubsample.PubSubSampleApplication;

/** The module as an application has it: on the classpath, found by the light start-up, chosen on GCP. */
class PubSubWiringTest {

	private static final String PROJECT = "wiring";

	private static PubSubEmulator emulator;

	@BeforeAll
	static void start() throws Exception {
		emulator = PubSubEmulator.start();
		emulator.createTopic(PROJECT, "events");
		emulator.createSubscription(PROJECT, "events-sub", "events");
	}

	@AfterAll
	static void stop() {
		emulator.close();
	}

	private static PolyfnRuntime startOnGcp(String function) {
		return PolyfnRuntime.start(PubSubSampleApplication.class, "gcp", Map.of("spring.cloud.function.definition", function,
				"PUBSUB_EMULATOR_HOST", emulator.host(), "GOOGLE_CLOUD_PROJECT", PROJECT));
	}

	private static InvocationResult invoke(PolyfnRuntime runtime, String function, String body) {
		return runtime.invoker().invoke(function, FunctionInput.of(body.getBytes(StandardCharsets.UTF_8), "text/plain"),
				InvocationContext.of("gcp", "req-1", function));
	}

	@Test
	void on_gcp_an_alias_without_a_provider_setting_publishes_to_pub_sub() throws Exception {
		try (PolyfnRuntime runtime = startOnGcp("announce")) {
			invoke(runtime, "announce", "deployed");
		}

		assertThat(emulator.pull(PROJECT, "events-sub", 1, Duration.ofSeconds(10))).extracting(Received::text)
			.containsExactly("deployed");
	}

	@Test
	void a_function_that_publishes_nothing_never_makes_the_pub_sub_provider() {
		try (PolyfnRuntime runtime = startOnGcp("shout")) {
			invoke(runtime, "shout", "hi");

			assertThat(runtime.context().getBeanFactory().containsSingleton("polyfnPubSubMessagingProvider")).isFalse();
		}
	}
}
