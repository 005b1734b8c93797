package dev.polyfn.core.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.polyfn.core.CoreTestApplication;

class PolyfnRuntimeTest {

	@Test
	void a_configured_definition_that_names_no_function_fails_start_up_naming_the_setting() {
		assertThatThrownBy(() -> PolyfnRuntime.start(CoreTestApplication.class, "test",
				Map.of("spring.cloud.function.definition", "nope")))
			.rootCause()
			.hasMessageContaining("spring.cloud.function.definition='nope'")
			.hasMessageContaining("reverse");
	}

	@Test
	void a_configured_definition_becomes_the_default() {
		try (PolyfnRuntime runtime = PolyfnRuntime.start(CoreTestApplication.class, "test",
				Map.of("spring.cloud.function.definition", "uppercase|reverse"))) {
			assertThat(runtime.invoker().defaultDefinition()).isEqualTo("uppercase|reverse");
			assertThat(runtime.invoker().resolve(null).definition()).isEqualTo("uppercase|reverse");
			var request = dev.polyfn.core.model.PortableHttpRequest.builder().method("POST").path("/reverse").body("ab").build();
			assertThat(runtime.http().handle(request, dev.polyfn.core.invoke.InvocationContext.of("test", "1", null))
				.bodyAsString()).as("the configured function answers whatever the path says").isEqualTo("BA");
		}
	}

	@Test
	void the_http_server_is_off_for_cloud_runtimes() {
		try (PolyfnRuntime runtime = PolyfnRuntime.start(CoreTestApplication.class, "test", Map.of())) {
			assertThat(runtime.context().getBeanNamesForType(dev.polyfn.core.http.PolyfnHttpServer.class)).isEmpty();
		}
	}
}
