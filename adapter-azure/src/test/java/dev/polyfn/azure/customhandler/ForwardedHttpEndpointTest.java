package dev.polyfn.azure.customhandler;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.polyfn.azure.host.ForwardingHost;
import dev.polyfn.azure.testapp.AzureTestApplication;
import dev.polyfn.core.boot.PolyfnRuntime;
import dev.polyfn.core.http.PolyfnHttpServer;
import dev.polyfn.core.model.Headers;

/**
 * Custom handler mode: polyfn's HTTP server behind a host that forwards each request as it came
 * ({@link ForwardingHost}). Binary bodies arrive byte for byte, which the Java worker cannot do.
 */
class ForwardedHttpEndpointTest {

	private static PolyfnRuntime runtime;
	private static ForwardingHost host;

	@BeforeAll
	static void start() {
		runtime = PolyfnRuntime.start(AzureTestApplication.class, "azure", Map.of("polyfn.http.enabled", "true",
				"server.port", "0", "polyfn.http.address", "127.0.0.1"));
		host = new ForwardingHost(runtime.context().getBean(PolyfnHttpServer.class).port());
	}

	@AfterAll
	static void stop() {
		runtime.close();
	}

	@Test
	void the_hosts_readiness_probe_is_answered_without_running_a_function() throws Exception {
		HttpResponse<byte[]> response = host.ping();

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("{\"status\":\"UP\"}");
	}

	@Test
	void a_png_reaches_thumbnail_intact_and_a_png_comes_back() throws Exception {
		ByteArrayOutputStream png = new ByteArrayOutputStream();
		ImageIO.write(new BufferedImage(64, 32, BufferedImage.TYPE_INT_RGB), "png", png);

		HttpResponse<byte[]> response = host.forward("POST", "/api/thumbnail", "", contentType("image/png"),
				png.toByteArray());

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("image/png");
		assertThat(ImageIO.read(new ByteArrayInputStream(response.body())).getWidth()).isEqualTo(16);
	}

	@Test
	void every_byte_value_of_an_octet_stream_comes_back_unchanged() throws Exception {
		byte[] bytes = new byte[512];
		for (int i = 0; i < bytes.length; i++) {
			bytes[i] = (byte) i;
		}

		HttpResponse<byte[]> response = host.forward("POST", "/api/echo", "", contentType("application/octet-stream"),
				bytes);

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo(bytes);
	}

	@Test
	void an_unknown_function_under_the_route_prefix_is_404_json() throws Exception {
		HttpResponse<byte[]> response = host.forward("POST", "/api/nope", "", contentType("text/plain"),
				"x".getBytes(StandardCharsets.UTF_8));

		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(new String(response.body(), StandardCharsets.UTF_8)).contains("\"error\":\"function_not_found\"");
	}

	@Test
	void the_hosts_invocation_id_is_the_functions_request_id() throws Exception {
		HttpResponse<byte[]> response = host.forward("POST", "/api/whoami", "", contentType("text/plain"),
				"x".getBytes(StandardCharsets.UTF_8));

		String[] seen = new String(response.body(), StandardCharsets.UTF_8).split(" ");
		assertThat(seen[0]).matches("[0-9a-f-]{36}");
		assertThat(seen[2]).isEqualTo("azure");
	}

	private static Headers contentType(String value) {
		Headers headers = new Headers();
		headers.set("Content-Type", value);
		return headers;
	}
}
