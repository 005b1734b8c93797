package dev.polyfn.messaging.mns;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.polyfn.core.boot.PolyfnRuntime;
import dev.polyfn.core.invoke.FunctionInput;
import dev.polyfn.core.invoke.InvocationContext;
import dev.polyfn.messaging.mns.testing.MnsTestServer;
import dev.polyfn.mnssample.MnsSampleApplication;

/** The module as an application has it: on the classpath, found by the light start-up, chosen on Alibaba Cloud. */
class MnsMessagingWiringTest {

	private static MnsTestServer mns;

	@BeforeAll
	static void startMns() throws Exception {
		mns = MnsTestServer.start();
		mns.createQueue("wiring-events");
	}

	@AfterAll
	static void stopMns() {
		mns.close();
	}

	private static PolyfnRuntime startOnAliyun(String function) {
		return PolyfnRuntime.start(MnsSampleApplication.class, "aliyun", Map.of(
				"spring.cloud.function.definition", function,
				"polyfn.messaging.events.destination", "wiring-events",
				"polyfn.messaging.mns.endpoint", mns.endpoint(),
				"ALIBABA_CLOUD_ACCESS_KEY_ID", MnsTestServer.ACCESS_KEY_ID,
				"ALIBABA_CLOUD_ACCESS_KEY_SECRET", MnsTestServer.ACCESS_KEY_SECRET,
				"ALIBABA_CLOUD_SECURITY_TOKEN", MnsTestServer.SECURITY_TOKEN));
	}

	private static void invoke(PolyfnRuntime runtime, String function, String body) {
		runtime.invoker().invoke(function, FunctionInput.of(body.getBytes(StandardCharsets.UTF_8), "text/plain"),
				InvocationContext.of("aliyun", "req-1", function));
	}

	@Test
	void on_aliyun_an_alias_without_a_provider_setting_sends_to_mns() throws Exception {
		try (PolyfnRuntime runtime = startOnAliyun("announce")) {
			invoke(runtime, "announce", "deployed");
		}

		assertThat(mns.receive("wiring-events", true)).containsExactly("deployed");
	}

	@Test
	void a_function_that_publishes_nothing_never_makes_the_mns_provider() {
		try (PolyfnRuntime runtime = startOnAliyun("shout")) {
			invoke(runtime, "shout", "hi");

			assertThat(runtime.context().getBeanFactory().containsSingleton("polyfnMnsMessagingProvider")).isFalse();
		}
	}
}
