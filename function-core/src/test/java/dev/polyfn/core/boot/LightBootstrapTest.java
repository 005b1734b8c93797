package dev.polyfn.core.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.polyfn.core.CoreTestApplication;
import dev.polyfn.core.invoke.InvocationContext;
import dev.polyfn.core.model.PortableHttpRequest;

/** What the light bootstrap leaves out of a cold start, and that the functions behave the same without it. */
class LightBootstrapTest {

	private static PortableHttpRequest post(String body) {
		return PortableHttpRequest.builder().method("POST").path("/").body(body).build();
	}

	@Test
	void only_the_configured_function_is_created() {
		try (PolyfnRuntime runtime = PolyfnRuntime.start(CoreTestApplication.class, "test",
				Map.of("spring.cloud.function.definition", "reverse"))) {
			var beans = runtime.context().getBeanFactory();
			assertThat(beans.containsSingleton("reverse")).isTrue();
			assertThat(beans.containsSingleton("sum")).isFalse();
			assertThat(runtime.invoker().functionNames()).contains("reverse", "sum", "uppercase");
		}
	}

	@Test
	void lazy_initialization_can_be_turned_off_as_in_spring_boot() {
		try (PolyfnRuntime runtime = PolyfnRuntime.start(CoreTestApplication.class, "test",
				Map.of("spring.cloud.function.definition", "reverse", "spring.main.lazy-initialization", "false"))) {
			assertThat(runtime.context().getBeanFactory().containsSingleton("sum")).isTrue();
		}
	}

	@Test
	void a_plain_text_function_runs_without_the_catalog_or_a_json_mapper() {
		try (PolyfnRuntime runtime = PolyfnRuntime.start(CoreTestApplication.class, "test",
				Map.of("spring.cloud.function.definition", "reverse"))) {
			assertThat(runtime.http().handle(post("abc"), InvocationContext.of("test", "1", null)).bodyAsString())
				.isEqualTo("cba");
			var beans = runtime.context().getBeanFactory();
			assertThat(beans.containsSingleton("functionCatalog")).isFalse();
			assertThat(beans.containsSingleton("polyfnJsonMapper")).isFalse();
		}
	}

	@Test
	void a_composition_goes_through_spring_cloud_functions_catalog() {
		try (PolyfnRuntime runtime = PolyfnRuntime.start(CoreTestApplication.class, "test",
				Map.of("spring.cloud.function.definition", "uppercase|reverse"))) {
			assertThat(runtime.http().handle(post("ab"), InvocationContext.of("test", "1", null)).bodyAsString())
				.isEqualTo("BA");
			assertThat(runtime.context().getBeanFactory().containsSingleton("functionCatalog")).isTrue();
		}
	}

	@Test
	void a_json_function_reads_its_input_with_the_shared_mapper() {
		try (PolyfnRuntime runtime = PolyfnRuntime.start(CoreTestApplication.class, "test",
				Map.of("spring.cloud.function.definition", "sum"))) {
			assertThat(runtime.http().handle(post("{\"numbers\":[1,2,3],\"extra\":true}"), InvocationContext.of("test", "1", null))
				.bodyAsString()).isEqualTo("{\"total\":6}");
		}
	}
}
