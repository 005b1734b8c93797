package dev.polyfn.messaging.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.polyfn.core.boot.PolyfnRuntime;
import dev.polyfn.core.invoke.FunctionInput;
import dev.polyfn.core.invoke.InvocationContext;
import dev.polyfn.messaging.aws.testing.MotoServer;
import dev.polyfn.messagingawssample.AwsMessagingSampleApplication;

/** The module as an application has it: on the classpath, found by the light start-up, SQS for a queue and SNS for a topic on AWS. */
class AwsMessagingWiringTest {

	private static PolyfnRuntime startOnAws(String function, Map<String, String> more) {
		Map<String, Object> properties = new java.util.HashMap<>(Map.of("spring.cloud.function.definition", function,
				"polyfn.messaging.sqs.endpoint", Moto.server().endpoint(), "polyfn.messaging.sqs.region", MotoServer.REGION,
				"polyfn.messaging.sns.endpoint", Moto.server().endpoint(), "polyfn.messaging.sns.region", MotoServer.REGION,
				"polyfn.messaging.alerts.kind", "topic"));
		properties.putAll(Moto.CREDENTIALS);
		properties.putAll(more);
		return PolyfnRuntime.start(AwsMessagingSampleApplication.class, "aws", properties);
	}

	private static void invoke(PolyfnRuntime runtime, String function, String body) {
		runtime.invoker().invoke(function, FunctionInput.of(body.getBytes(StandardCharsets.UTF_8), "text/plain"),
				InvocationContext.of("aws", "req-1", function));
	}

	@Test
	void on_aws_a_queue_alias_without_a_provider_setting_sends_to_sqs() {
		String url = Moto.server().createQueue("wired-results");
		try (PolyfnRuntime runtime = startOnAws("report", Map.of("polyfn.messaging.results.destination", url))) {
			invoke(runtime, "report", "all green");
		}

		assertThat(Moto.server().receiveAll(url, 1)).extracting(m -> m.body()).containsExactly("all green");
	}

	@Test
	void on_aws_a_topic_alias_without_a_provider_setting_publishes_to_sns() {
		MotoServer.Subscribed alerts = Moto.server().createTopicWithQueue("wired-alerts");
		try (PolyfnRuntime runtime = startOnAws("alert", Map.of("polyfn.messaging.alerts.destination", alerts.topicArn()))) {
			invoke(runtime, "alert", "too hot");
		}

		assertThat(Moto.server().receiveAll(alerts.queueUrl(), 1)).extracting(m -> m.body()).containsExactly("too hot");
	}

	@Test
	void a_function_that_publishes_nothing_never_makes_a_messaging_provider() {
		try (PolyfnRuntime runtime = startOnAws("shout", Map.of())) {
			invoke(runtime, "shout", "hi");

			assertThat(runtime.context().getBeanFactory().containsSingleton("polyfnSqsMessagingProvider")).isFalse();
			assertThat(runtime.context().getBeanFactory().containsSingleton("polyfnSnsMessagingProvider")).isFalse();
		}
	}
}
