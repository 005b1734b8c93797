package dev.polyfn.conformance.azure;

import java.net.http.HttpResponse;
import java.util.Map;

import dev.polyfn.azure.host.ForwardingHost;
import dev.polyfn.conformance.ConformanceApplication;
import dev.polyfn.conformance.HttpAnswer;
import dev.polyfn.conformance.HttpCall;
import dev.polyfn.conformance.Target;
import dev.polyfn.core.boot.PolyfnRuntime;
import dev.polyfn.core.http.PolyfnHttpServer;
import dev.polyfn.core.model.Headers;

/**
 * Azure Functions custom handler: polyfn's HTTP server as the custom-handler package starts it, behind a host that
 * forwards each request as {@code enableForwardingHttpRequest} does ({@link ForwardingHost}: the client's path
 * under {@code /api}, its headers and body bytes, the query rebuilt from the parsed query).
 */
public final class AzureCustomHandlerTarget implements Target.Http {

	private static ForwardingHost host;

	@Override
	public String name() {
		return "Azure HTTP (custom handler)";
	}

	@Override
	public Map<String, String> exclusions() {
		return Map.of("multi-value", "the host rebuilds the query from its parsed form (QueryHelpers.AddQueryString),"
				+ " so tag=a&tag=b arrives as tag=a,b");
	}

	@Override
	public HttpAnswer call(HttpCall call) throws Exception {
		HttpResponse<byte[]> response = host().forward(call.method(), "/api" + call.path(), call.rawQuery(),
				call.headers(), call.body());
		return new HttpAnswer(response.statusCode(), Headers.of(response.headers().map()), response.body());
	}

	/** The host in front of the one custom-handler instance the kit starts. */
	static synchronized ForwardingHost host() {
		if (host == null) {
			PolyfnRuntime runtime = PolyfnRuntime.start(ConformanceApplication.class, "azure",
					Map.of("polyfn.http.enabled", "true", "server.port", "0", "polyfn.http.address", "127.0.0.1"));
			host = new ForwardingHost(runtime.context().getBean(PolyfnHttpServer.class).port());
		}
		return host;
	}
}
