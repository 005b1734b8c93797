package dev.polyfn.aliyun;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class AliyunEnvironmentDefaultsTest {

	private static StandardEnvironment environment(Map<String, Object> variables) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(new MapPropertySource("test", variables));
		new AliyunEnvironmentDefaults().postProcessEnvironment(environment, null);
		return environment;
	}

	@Test
	void listens_on_fc_default_port_9000() {
		assertThat(environment(Map.of()).getProperty("polyfn.http.default-port")).isEqualTo("9000");
	}

	@Test
	void listens_on_the_ca_port_fc_passes() {
		assertThat(environment(Map.of("FC_SERVER_PORT", "7000")).getProperty("polyfn.http.default-port")).isEqualTo("7000");
	}

	@Test
	void reports_the_cloud_as_aliyun_unless_set() {
		assertThat(environment(Map.of()).getProperty("polyfn.cloud")).isEqualTo("aliyun");
		assertThat(environment(Map.of("polyfn.cloud", "web")).getProperty("polyfn.cloud")).isEqualTo("web");
	}
}
