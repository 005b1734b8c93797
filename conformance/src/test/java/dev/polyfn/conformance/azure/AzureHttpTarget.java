package dev.polyfn.conformance.azure;

import java.net.URI;
import java.util.Map;

import dev.polyfn.azure.AzureFunctionRuntime;
import dev.polyfn.azure.HttpTriggerHandler;
import dev.polyfn.azure.host.FunctionsHost;
import dev.polyfn.azure.host.HostHttpResponse;
import dev.polyfn.azure.host.JavaWorker;
import dev.polyfn.conformance.HttpAnswer;
import dev.polyfn.conformance.HttpCall;
import dev.polyfn.conformance.SharedRuntime;
import dev.polyfn.conformance.Target;
import dev.polyfn.core.events.JsonEvents;
import dev.polyfn.core.testing.Fixtures;

/**
 * Azure Functions HTTP trigger on the Java worker, through the generic {@code polyfn} function (route
 * {@code {*function}}), on the host-faithful path: {@link FunctionsHost} builds the {@code RpcHttp} the host sends
 * (body typed by its media type, headers in lower case with one value per name) and {@link JavaWorker} binds it to
 * {@code HttpTriggerHandler.run(HttpRequestMessage<Optional<String>>, ExecutionContext)} as the worker does. The
 * host and route prefix come from the custom-handler fixture's request URL.
 */
public final class AzureHttpTarget implements Target.Http {

	static final String FIXTURE = "azure/http/docs-custom-handler-http-invoke-request.json";

	@Override
	public String name() {
		return "Azure HTTP trigger (Java worker)";
	}

	@Override
	public Map<String, String> exclusions() {
		return Map.of(
				"binary-image", "the host decodes an image/png body as UTF-8 text before the Java worker sees it;"
						+ " polyfn answers 415 (HttpTriggerHandlerTest) and binary goes to the custom-handler package",
				"binary-exact", "the host sends an octet-stream body as bytes, which the Java worker cannot bind to"
						+ " the String body every text request needs: the invocation fails in the worker"
						+ " (azure-functions-java-worker#321); binary goes to the custom-handler package");
	}

	@Override
	public HttpAnswer call(HttpCall call) {
		URI fixtureUrl = URI.create(JsonEvents.text(JsonEvents.parse(Fixtures.bytes(FIXTURE)), "Data", "req", "Url"));
		String query = call.rawQuery();
		String url = fixtureUrl.resolve("/api" + call.path() + (query.isEmpty() ? "" : "?" + query)).toString();
		HttpTriggerHandler handler = SharedRuntime.entry(null, HttpTriggerHandler.class, () -> {
			HttpTriggerHandler made = new HttpTriggerHandler();
			AzureFunctionRuntime.shared().runtime();
			return made;
		});
		HostHttpResponse response = JavaWorker.invoke(handler, FunctionsHost.httpInvocation("polyfn", "request",
				FunctionsHost.http(call.method(), url, call.headers(), call.body()))).http();
		return new HttpAnswer(response.getStatusCode(), response.headers(), response.bytes());
	}
}
