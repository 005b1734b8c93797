package dev.polyfn.aliyun;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import dev.polyfn.aliyun.testapp.AliyunTestApplication;
import dev.polyfn.core.http.PolyfnHttpServer;
import dev.polyfn.core.model.PortableHttpRequest;

/** The test application with the adapter, its HTTP server on a free port; one per test JVM. */
final class AliyunTestRuntime {

	private static ConfigurableApplicationContext shared;

	private static final HttpClient CLIENT = HttpClient.newHttpClient();

	private AliyunTestRuntime() {
	}

	static synchronized ConfigurableApplicationContext shared() {
		if (shared == null) {
			shared = start();
		}
		return shared;
	}

	static ConfigurableApplicationContext start() {
		return new SpringApplicationBuilder(AliyunTestApplication.class)
				.web(WebApplicationType.NONE)
				.bannerMode(Banner.Mode.OFF)
				.properties(Map.of("server.port", "0"))
				.run();
	}

	static InvokeEndpoint invokeEndpoint() {
		return shared().getBean(InvokeEndpoint.class);
	}

	static int port(ConfigurableApplicationContext context) {
		return context.getBean(PolyfnHttpServer.class).port();
	}

	static PortableHttpRequest invokeRequest(byte[] event, String requestId) {
		return PortableHttpRequest.builder()
				.method("POST")
				.path("/invoke")
				.header("Content-Type", "application/octet-stream")
				.header("x-fc-request-id", requestId)
				.body(event)
				.build();
	}

	static HttpResponse<String> send(int port, HttpRequest.Builder request) throws Exception {
		return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	static HttpRequest.Builder request(int port, String path) {
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
	}
}
