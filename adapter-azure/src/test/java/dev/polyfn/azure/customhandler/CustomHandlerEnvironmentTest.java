package dev.polyfn.azure.customhandler;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class CustomHandlerEnvironmentTest {

	@Test
	void the_port_the_host_passes_becomes_the_servers_default_port() {
		StandardEnvironment environment = environment(Map.of("FUNCTIONS_CUSTOMHANDLER_PORT", "34567"));

		new CustomHandlerEnvironment().postProcessEnvironment(environment, null);

		assertThat(environment.getProperty("polyfn.http.default-port")).isEqualTo("34567");
		assertThat(environment.getProperty("polyfn.cloud")).isEqualTo("azure");
	}

	@Test
	void without_the_hosts_variable_nothing_changes() {
		StandardEnvironment environment = environment(Map.of());

		new CustomHandlerEnvironment().postProcessEnvironment(environment, null);

		assertThat(environment.getProperty("polyfn.http.default-port")).isNull();
	}

	private static StandardEnvironment environment(Map<String, Object> variables) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(new MapPropertySource("variables", variables));
		return environment;
	}
}
