package dev.polyfn.conformance.aliyun;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import dev.polyfn.conformance.ConformanceApplication;
import dev.polyfn.core.boot.PolyfnRuntime;
import dev.polyfn.core.http.PolyfnHttpServer;
import dev.polyfn.core.invoke.FunctionInvoker;
import dev.polyfn.local.FcRequestHeaders;

/**
 * FC 3.0 custom-runtime instances on 127.0.0.1: the polyfn HTTP server with the Alibaba adapter's endpoints, as
 * the packaged bootstrap starts it, one per deployed definition (null: none configured), started on first use.
 * Requests carry the {@code x-fc-*} headers FC adds to every call, credentials included.
 */
public final class FcServer {

	private static final HttpClient CLIENT = HttpClient.newHttpClient();
	private static final Map<String, String> BASES = new HashMap<>();

	/** What FC adds to each request; the credential values are test values the campaign looks for in the logs. */
	public static final Map<String, String> FC_HEADERS = Map.copyOf(FcRequestHeaders.of("conformance"));

	private FcServer() {
	}

	public static synchronized String base(String definition) {
		return BASES.computeIfAbsent(String.valueOf(definition), key -> {
			Map<String, Object> properties = new LinkedHashMap<>(Map.of("polyfn.http.enabled", "true", "server.port", "0",
					"polyfn.http.address", "127.0.0.1"));
			if (definition != null) {
				properties.put(FunctionInvoker.DEFINITION_PROPERTY, definition);
			}
			PolyfnRuntime runtime = PolyfnRuntime.start(ConformanceApplication.class, "aliyun", properties);
			return "http://127.0.0.1:" + runtime.context().getBean(PolyfnHttpServer.class).port();
		});
	}

	/** FC's {@code POST /invoke} of an event, with the function {@code definition} deployed. */
	public static HttpResponse<byte[]> invoke(String definition, byte[] event) throws Exception {
		return send(definition, "/invoke", "POST", "application/octet-stream", event);
	}

	static HttpResponse<byte[]> send(String definition, String pathAndQuery, String method, String contentType, byte[] body)
			throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base(definition) + pathAndQuery));
		FC_HEADERS.forEach(request::header);
		request.header("x-fc-request-id", UUID.randomUUID().toString());
		// FC marks each call (custom-runtime spec, checked 2026-12-01): /invoke for events, /http-invoke for HTTP.
		request.header("x-fc-control-path", "/invoke".equals(pathAndQuery) ? "/invoke" : "/http-invoke");
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		request.method(method, HttpRequest.BodyPublishers.ofByteArray(body));
		return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	static HttpClient client() {
		return CLIENT;
	}
}
