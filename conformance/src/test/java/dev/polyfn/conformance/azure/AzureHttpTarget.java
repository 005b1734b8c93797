package dev.polyfn.conformance.azure;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.microsoft.azure.functions.HttpMethod;
import com.microsoft.azure.functions.HttpRequestMessage;

import dev.polyfn.azure.AzureFunctionRuntime;
import dev.polyfn.azure.HttpTriggerHandler;
import dev.polyfn.conformance.HttpAnswer;
import dev.polyfn.conformance.HttpCall;
import dev.polyfn.conformance.SharedRuntime;
import dev.polyfn.conformance.Target;
import dev.polyfn.core.events.JsonEvents;
import dev.polyfn.core.testing.Fixtures;

/**
 * Azure Functions HTTP trigger through the generic {@code polyfn} function (route {@code {*function}}), as the
 * Java worker calls it: {@code HttpTriggerHandler.run(HttpRequestMessage<Optional<byte[]>>, ExecutionContext)}.
 * The host and route prefix come from the custom-handler fixture's request URL. The worker's request headers are
 * a {@code Map<String, String>}: a repeated header arrives as one comma-joined value.
 */
public final class AzureHttpTarget implements Target.Http {

	static final String FIXTURE = "azure/http/docs-custom-handler-http-invoke-request.json";

	@Override
	public String name() {
		return "Azure HTTP trigger";
	}

	@Override
	@SuppressWarnings("unchecked")
	public HttpAnswer call(HttpCall call) {
		URI fixtureUrl = URI.create(JsonEvents.text(JsonEvents.parse(Fixtures.bytes(FIXTURE)), "Data", "req", "Url"));
		String query = call.rawQuery();
		URI url = fixtureUrl.resolve("/api" + call.path() + (query.isEmpty() ? "" : "?" + query));
		Map<String, String> headers = new LinkedHashMap<>();
		call.headers().forEach((name, values) -> headers.put(name, String.join(", ", values)));
		HttpRequestMessage<Optional<byte[]>> request = mock(HttpRequestMessage.class);
		when(request.getHttpMethod()).thenReturn(HttpMethod.value(call.method()));
		when(request.getUri()).thenReturn(url);
		when(request.getHeaders()).thenReturn(headers);
		when(request.getQueryParameters()).thenReturn(Map.of());
		when(request.getBody()).thenReturn(call.body().length == 0 ? Optional.empty() : Optional.of(call.body()));
		AzureWorker.answersWithBuilder(request);
		HttpTriggerHandler handler = SharedRuntime.entry(null, HttpTriggerHandler.class, () -> {
			HttpTriggerHandler made = new HttpTriggerHandler();
			AzureFunctionRuntime.shared().runtime();
			return made;
		});
		AzureWorker.Response response = (AzureWorker.Response) handler.run(request, AzureWorker.context("polyfn"));
		Object body = response.getBody();
		byte[] bytes = body == null ? new byte[0] : body instanceof byte[] b ? b : body.toString().getBytes(StandardCharsets.UTF_8);
		return new HttpAnswer(response.getStatusCode(), response.headers(), bytes);
	}
}
