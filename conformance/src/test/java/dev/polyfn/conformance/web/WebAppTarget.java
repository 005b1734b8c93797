package dev.polyfn.conformance.web;

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
import dev.polyfn.core.model.QueryString;

/** The web-app mode over real HTTP on 127.0.0.1: also what Cloud Run, Knative and the FC/SCF servers run. */
public final class WebAppTarget implements Target.Http {

	private static final HttpClient CLIENT = HttpClient.newHttpClient();

	private static volatile String base;

	@Override
	public String name() {
		return "Web app (HTTP)";
	}

	@Override
	public HttpAnswer call(HttpCall call) throws Exception {
		String query = QueryString.build(call.query());
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + call.path() + (query.isEmpty() ? "" : "?" + query)));
		call.headers().forEach((name, values) -> values.forEach(v -> request.header(name, v)));
		request.method(call.method(), call.body().length == 0 && "GET".equals(call.method())
				? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(call.body()));
		HttpResponse<byte[]> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
		return new HttpAnswer(response.statusCode(), Headers.of(response.headers().map()), response.body());
	}

	/** The running web app's base URL ({@code http://127.0.0.1:<port>}), started on first use. */
	public static String base() {
		if (base == null) {
			synchronized (WebAppTarget.class) {
				if (base == null) {
					PolyfnRuntime runtime = PolyfnRuntime.start(ConformanceApplication.class, "web",
							Map.of("polyfn.http.enabled", "true", "server.port", "0", "polyfn.http.address", "127.0.0.1"));
					base = "http://127.0.0.1:" + runtime.context().getBean(PolyfnHttpServer.class).port();
				}
			}
		}
		return base;
	}
}
