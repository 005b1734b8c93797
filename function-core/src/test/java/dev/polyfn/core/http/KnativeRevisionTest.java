package dev.polyfn.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class KnativeRevisionTest {

	@Test
	void names_the_service_configuration_and_revision_knative_sets() {
		Map<String, String> env = Map.of("K_SERVICE", "shop", "K_CONFIGURATION", "shop", "K_REVISION", "shop-00002");
		assertThat(KnativeRevision.describe(env::get))
			.isEqualTo(" (K_SERVICE=shop, K_CONFIGURATION=shop, K_REVISION=shop-00002)");
	}

	@Test
	void says_nothing_outside_knative() {
		assertThat(KnativeRevision.describe(name -> null)).isEmpty();
	}
}
