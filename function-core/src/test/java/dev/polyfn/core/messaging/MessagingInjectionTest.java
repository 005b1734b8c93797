package dev.polyfn.core.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.polyfn.core.boot.PolyfnRuntime;
import dev.polyfn.core.invoke.FunctionInput;
import dev.polyfn.core.invoke.InvocationContext;
import dev.polyfn.core.invoke.InvocationResult;
import dev.polyfn.messagingsample.MessagingSampleApplication;

/** Messaging as a function receives it: injected, bound by settings, in memory in web mode. */
class MessagingInjectionTest {

	@AfterEach
	void forget() {
		LocalMessaging.PROVIDER.clear();
	}

	private static PolyfnRuntime start(String function, String cloud) {
		return PolyfnRuntime.start(MessagingSampleApplication.class, cloud, Map.of(
				"spring.cloud.function.definition", function,
				"polyfn.messaging.shouts.destination", "shout-queue-7"));
	}

	private static InvocationResult invoke(PolyfnRuntime runtime, String function, String body) {
		return runtime.invoker().invoke(function, FunctionInput.of(body.getBytes(StandardCharsets.UTF_8), "text/plain"),
				InvocationContext.of("web", "req-1", function));
	}

	@Test
	void a_function_that_takes_message_destinations_publishes_to_the_destination_of_its_alias() {
		try (PolyfnRuntime runtime = start("announce", "web")) {
			invoke(runtime, "announce", "hello");
		}

		assertThat(LocalMessaging.PROVIDER.published("shout-queue-7")).singleElement()
			.satisfies(m -> assertThat(m.bodyText()).isEqualTo("HELLO"))
			.satisfies(m -> assertThat(m.attributes()).containsEntry("kind", "shout"));
	}

	@Test
	void on_a_cloud_without_a_messaging_module_a_publish_fails_in_the_contract_naming_the_missing_module() {
		try (PolyfnRuntime runtime = start("announce", "aws")) {
			InvocationResult result = invoke(runtime, "announce", "hello");

			assertThat(result.status()).isEqualTo(500);
			assertThat(LocalMessaging.PROVIDER.published("shout-queue-7")).isEmpty();
		}
	}

	@Test
	void a_function_that_takes_no_messaging_never_creates_the_message_destinations() {
		try (PolyfnRuntime runtime = start("whisper", "web")) {
			invoke(runtime, "whisper", "HI");

			assertThat(runtime.context().getBeanFactory().containsSingleton("polyfnMessageDestinations")).isFalse();
		}
	}
}
