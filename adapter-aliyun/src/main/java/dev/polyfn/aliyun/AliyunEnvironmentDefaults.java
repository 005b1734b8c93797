package dev.polyfn.aliyun;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Defaults of an application packaged for FC: it reports itself as {@code aliyun} and listens on the CA port
 * FC passes as {@code FC_SERVER_PORT}, else 9000 (FC's default), and accepts bodies as large as FC delivers.
 * They rank below everything else, so {@code server.port} and {@code $PORT} still override the port.
 */
public class AliyunEnvironmentDefaults implements EnvironmentPostProcessor {

	/** FC 3.0 passes the CA port as FC_SERVER_PORT; some runtime images name it FC_CUSTOM_LISTEN_PORT. */
	static final String[] FC_PORT_VARIABLES = { "FC_SERVER_PORT", "FC_CUSTOM_LISTEN_PORT" };
	static final String FC_DEFAULT_PORT = "9000";
	static final String FC_MAX_BODY_SIZE = "32MB";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		Map<String, Object> defaults = new LinkedHashMap<>();
		defaults.put("polyfn.cloud", FcInvocation.CLOUD);
		String port = FC_DEFAULT_PORT;
		for (int i = FC_PORT_VARIABLES.length - 1; i >= 0; i--) {
			String fcPort = environment.getProperty(FC_PORT_VARIABLES[i]);
			if (fcPort != null && !fcPort.isBlank()) {
				port = fcPort.trim();
			}
		}
		defaults.put("polyfn.http.default-port", port);
		// FC accepts synchronous invocation bodies up to 32 MB; the server should not refuse what FC delivers.
		defaults.put("polyfn.max-body-size", FC_MAX_BODY_SIZE);
		environment.getPropertySources().addLast(new MapPropertySource("polyfnAliyunDefaults", defaults));
	}
}
