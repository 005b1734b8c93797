package dev.polyfn.messaging.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import dev.polyfn.core.boot.PolyfnRuntime;
import dev.polyfn.core.invoke.FunctionInput;
import dev.polyfn.core.invoke.InvocationContext;
import dev.polyfn.core.invoke.InvocationResult;
import dev.polyfn.kafkasample.KafkaSampleApplication;
import dev.polyfn.messaging.kafka.testing.KafkaBroker;

/** The module as an application has it: on the class path, found by the light start-up, chosen on Tencent Cloud. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KafkaMessagingWiringTest {

	private KafkaBroker broker;

	@BeforeAll
	void startBroker() {
		broker = KafkaBroker.start();
		System.out.println("Kafka test broker answered " + broker.startMillis() + " ms after start()");
		broker.createTopic("events-topic");
	}

	@AfterAll
	void stopBroker() {
		broker.close();
	}

	private PolyfnRuntime startOnTencent(String function) {
		return PolyfnRuntime.start(KafkaSampleApplication.class, "tencent", Map.of(
				"spring.cloud.function.definition", function,
				"polyfn.messaging.events.destination", "events-topic",
				"polyfn.messaging.kafka.bootstrap-servers", broker.bootstrapServers()));
	}

	private static InvocationResult invoke(PolyfnRuntime runtime, String function, String body) {
		return runtime.invoker().invoke(function, FunctionInput.of(body.getBytes(StandardCharsets.UTF_8), "text/plain"),
				InvocationContext.of("tencent", "req-1", function));
	}

	@Test
	void on_tencent_an_alias_without_a_provider_setting_publishes_to_kafka() {
		try (PolyfnRuntime runtime = startOnTencent("announce")) {
			assertThat(invoke(runtime, "announce", "deployed").bodyAsString()).isEqualTo("events-topic-0@0");
		}

		assertThat(broker.records("events-topic")).extracting(r -> new String(r.value(), StandardCharsets.UTF_8)).containsExactly("deployed");
	}

	@Test
	void a_function_that_publishes_nothing_never_makes_the_kafka_provider() {
		try (PolyfnRuntime runtime = startOnTencent("shout")) {
			invoke(runtime, "shout", "hi");

			assertThat(runtime.context().getBeanFactory().containsSingleton("polyfnKafkaMessagingProvider")).isFalse();
		}
	}
}
