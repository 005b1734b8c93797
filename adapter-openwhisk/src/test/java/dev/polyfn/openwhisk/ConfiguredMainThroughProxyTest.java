package dev.polyfn.openwhisk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * {@code --main} as {@code class#method}, which the runtime resolves to a public static method from
 * {@code JsonObject} to {@code JsonObject} (JarLoader): what an application's own entry class, delegating to
 * {@link OpenWhiskAction#invoke}, is deployed with. The proxy refuses any other signature at {@code /init}.
 */
class ConfiguredMainThroughProxyTest {

	@Test
	void a_main_naming_the_method_after_a_hash_runs_that_method() throws Exception {
		try (ProxyUnderTest action = ProxyUnderTest.started("main-with-method", List.of(), OpenWhiskAction.MAIN + "#main")) {
			assertThat(action.run("plain-reverse.json").body().get("result").asString()).isEqualTo("}\"nfylop\":\"txet\"{");
		}
	}

	@Test
	void a_main_naming_a_method_of_another_signature_fails_init_with_the_proxy_s_error() {
		assertThatThrownBy(() -> ProxyUnderTest.started("main-wrong-signature", List.of(), OpenWhiskAction.MAIN + "#invoke"))
				.hasMessageContaining("/init answered 502")
				.hasMessageContaining("NoSuchMethodException");
	}
}
