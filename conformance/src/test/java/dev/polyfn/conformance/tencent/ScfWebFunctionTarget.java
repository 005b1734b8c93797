package dev.polyfn.conformance.tencent;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import dev.polyfn.conformance.ConformanceApplication;
import dev.polyfn.conformance.HttpAnswer;
import dev.polyfn.conformance.HttpCall;
import dev.polyfn.conformance.Target;
import dev.polyfn.core.boot.PolyfnRuntime;
import dev.polyfn.core.http.PolyfnHttpServer;
import dev.polyfn.core.model.Headers;

/**
 * An SCF web function: SCF forwards the HTTP request as it came to the server {@code scf_bootstrap} starts
 * (polyfn's HTTP server, cloud {@code tencent}), here on 127.0.0.1.
 */
public final class ScfWebFunctionTarget implements Target.Http {

	private static final HttpClient CLIENT = HttpClient.newHttpClient();
	private static String base;

	@Override
	public String name() {
		return "Tencent web function";
	}

	@Override
	public HttpAnswer call(HttpCall call) throws Exception {
		String query = call.rawQuery();
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + call.path() + (query.isEmpty() ? "" : "?" + query)));
		call.headers().forEach((name, values) -> values.forEach(v -> request.header(name, v)));
		request.header("X-Scf-Request-Id", java.util.UUID.randomUUID().toString());
		request.method(call.method(), HttpRequest.BodyPublishers.ofByteArray(call.body()));
		HttpResponse<byte[]> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
		return new HttpAnswer(response.statusCode(), Headers.of(response.headers().map()), response.body());
	}

	private static synchronized String base() {
		if (base == null) {
			PolyfnRuntime runtime = PolyfnRuntime.start(ConformanceApplication.class, "tencent",
					Map.of("polyfn.http.enabled", "true", "server.port", "0", "polyfn.http.address", "127.0.0.1"));
			base = "http://127.0.0.1:" + runtime.context().getBean(PolyfnHttpServer.class).port();
		}
		return base;
	}
}
