package dev.polyfn.packaging.container;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Just enough of a Kubernetes API server on loopback for {@code kubectl apply --dry-run=client}: even a client-side
 * dry run maps the file's kind to a resource through the server's discovery documents and asks whether the object
 * exists. This one knows Knative Serving's {@code serving.knative.dev/v1} {@code services} and has no objects, so
 * kubectl decodes the file, maps it and reports "created (dry run)"; an unknown kind or version fails as on a real
 * cluster with Knative installed.
 */
final class FakeKubernetesApi implements AutoCloseable {

	private final HttpServer server;

	FakeKubernetesApi() throws IOException {
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/", this::answer);
		server.start();
	}

	String url() {
		return "http://127.0.0.1:" + server.getAddress().getPort();
	}

	private void answer(HttpExchange exchange) throws IOException {
		String path = exchange.getRequestURI().getPath();
		String body = switch (path) {
			case "/api" -> "{\"kind\":\"APIVersions\",\"versions\":[\"v1\"],\"serverAddressByClientCIDRs\":"
					+ "[{\"clientCIDR\":\"0.0.0.0/0\",\"serverAddress\":\"127.0.0.1\"}]}";
			case "/api/v1" -> "{\"kind\":\"APIResourceList\",\"groupVersion\":\"v1\",\"resources\":[]}";
			case "/apis" -> "{\"kind\":\"APIGroupList\",\"apiVersion\":\"v1\",\"groups\":[{\"name\":\"serving.knative.dev\","
					+ "\"versions\":[{\"groupVersion\":\"serving.knative.dev/v1\",\"version\":\"v1\"}],"
					+ "\"preferredVersion\":{\"groupVersion\":\"serving.knative.dev/v1\",\"version\":\"v1\"}}]}";
			case "/apis/serving.knative.dev/v1" -> "{\"kind\":\"APIResourceList\",\"apiVersion\":\"v1\","
					+ "\"groupVersion\":\"serving.knative.dev/v1\",\"resources\":[{\"name\":\"services\",\"singularName\":\"service\","
					+ "\"namespaced\":true,\"kind\":\"Service\",\"verbs\":[\"create\",\"get\",\"list\",\"patch\",\"update\",\"delete\"],"
					+ "\"shortNames\":[\"ksvc\"]}]}";
			default -> null;
		};
		int status = body == null ? 404 : 200;
		byte[] bytes = (body != null ? body : "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\","
				+ "\"reason\":\"NotFound\",\"code\":404,\"message\":\"not found\"}").getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		exchange.getResponseBody().write(bytes);
		exchange.close();
	}

	@Override
	public void close() {
		server.stop(0);
	}
}
