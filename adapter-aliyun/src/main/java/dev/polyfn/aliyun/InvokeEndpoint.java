package dev.polyfn.aliyun;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.polyfn.aliyun.events.FcEvent;
import dev.polyfn.aliyun.events.FcEventNormaliser;
import dev.polyfn.core.events.JsonEvents;
import dev.polyfn.core.http.HttpEndpoint;
import dev.polyfn.core.http.HttpFunctionHandler;
import dev.polyfn.core.invoke.BatchOutcome;
import dev.polyfn.core.invoke.FunctionError;
import dev.polyfn.core.invoke.FunctionFailure;
import dev.polyfn.core.invoke.FunctionInput;
import dev.polyfn.core.invoke.FunctionInvoker;
import dev.polyfn.core.invoke.InvocationContext;
import dev.polyfn.core.invoke.InvocationResult;
import dev.polyfn.core.invoke.ResolvedFunction;
import dev.polyfn.core.model.Headers;
import dev.polyfn.core.model.MediaTypes;
import dev.polyfn.core.model.PortableHttpRequest;
import dev.polyfn.core.model.PortableHttpResponse;

/**
 * {@code POST /invoke}: FC's event invocations (triggers and the InvokeFunction API). The raw event is normalised
 * through the event table and run by the function {@code SPRING_CLOUD_FUNCTION_DEFINITION} names (or the only
 * one). A success answers 200 with the result as the body; a failure answers the shared error status and JSON
 * with {@code x-fc-status: 404}, which FC documents as "the function failed" (it then retries async deliveries).
 */
public class InvokeEndpoint implements HttpEndpoint {

	private final FunctionInvoker invoker;
	private final HttpFunctionHandler http;
	private final FcEventNormaliser normaliser = new FcEventNormaliser();

	public InvokeEndpoint(FunctionInvoker invoker, HttpFunctionHandler http) {
		this.invoker = invoker;
		this.http = http;
	}

	@Override
	public boolean matches(String method, String path) {
		return "POST".equals(method) && "/invoke".equals(path);
	}

	@Override
	public boolean matches(PortableHttpRequest request) {
		return FcControlPlane.isControlCall(request, "POST", "/invoke");
	}

	/** The server's own refusals (body over the limit, overloaded) are failed invocations to FC. */
	@Override
	public PortableHttpResponse refused(PortableHttpResponse refusal) {
		refusal.headers().set(FcInvocation.STATUS, "404");
		return refusal;
	}

	@Override
	public PortableHttpResponse handle(PortableHttpRequest request) {
		return handle(request, null);
	}

	/** Runs the event with the named definition; null runs the configured (or only) function. */
	public PortableHttpResponse handle(PortableHttpRequest request, String definition) {
		InvocationContext context = FcInvocation.context(request);
		FcInvocation.started("Invoke", context);
		try {
			return answer(request.body(), definition, context);
		}
		catch (FunctionFailure failure) {
			return failed(failure.error());
		}
		finally {
			FcInvocation.ended("Invoke", context);
		}
	}

	private PortableHttpResponse answer(byte[] body, String definition, InvocationContext context) {
		FcEvent event = normaliser.normalise(body);
		if (event instanceof FcEvent.HttpTrigger trigger) {
			PortableHttpResponse response = definition == null ? http.handle(trigger.request(), context)
					: http.handle(trigger.request(), definition, context);
			return httpTriggerAnswer(response);
		}
		ResolvedFunction function = invoker.resolve(definition);
		if (event instanceof FcEvent.Events events) {
			if (events.events().size() == 1) {
				return eventAnswer(invoker.invokeEvent(function, events.events().get(0), context));
			}
			return batchAnswer(invoker.invokeBatch(function, events.events(), context));
		}
		byte[] raw = ((FcEvent.Raw) event).body();
		// FC posts every event as application/octet-stream, which says nothing of the payload: let the
		// function's input type decide (text, bytes, or JSON for objects).
		return eventAnswer(invoker.invoke(function, new FunctionInput(raw, null, Map.of(), List.of()), context));
	}

	private static PortableHttpResponse eventAnswer(InvocationResult result) {
		if (result.failed()) {
			return failed(result.error());
		}
		PortableHttpResponse response = HttpFunctionHandler.toResponse(result);
		response.headers().set(FcInvocation.STATUS, "200");
		return new PortableHttpResponse(200, response.headers(), response.body());
	}

	/**
	 * A batch fails as a whole on FC (there is no partial-failure answer), so any failed item fails the call and
	 * the answer names the failed event ids; a batch that succeeds answers every item's result in order.
	 */
	private static PortableHttpResponse batchAnswer(BatchOutcome outcome) {
		InvocationResult first = outcome.items().get(0).result();
		// A function taking the whole batch ran once: every item carries that one result.
		if (outcome.items().stream().allMatch(item -> item.result() == first)) {
			return eventAnswer(first);
		}
		if (!outcome.allSucceeded()) {
			List<String> failed = outcome.failedEventIds();
			InvocationResult firstFailure = outcome.items().stream().filter(BatchOutcome.Item::failed).findFirst()
					.orElseThrow().result();
			Map<String, Object> error = new LinkedHashMap<>();
			error.put("error", "batch_failed");
			error.put("message", failed.size() + " of " + outcome.items().size() + " events failed; the first: "
					+ firstFailure.error().message());
			error.put("failedEventIds", failed);
			PortableHttpResponse response = PortableHttpResponse.of(firstFailure.status(), MediaTypes.JSON,
					JsonEvents.mapper().writeValueAsBytes(error));
			response.headers().set(FcInvocation.STATUS, "404");
			return response;
		}
		List<Object> results = new ArrayList<>();
		for (BatchOutcome.Item item : outcome.items()) {
			InvocationResult result = item.result();
			results.add(result.body().length == 0 ? null
					: MediaTypes.isJson(result.contentType()) ? JsonEvents.parse(result.body()) : result.bodyAsString());
		}
		PortableHttpResponse response = PortableHttpResponse.of(200, MediaTypes.JSON,
				JsonEvents.mapper().writeValueAsBytes(results));
		response.headers().set(FcInvocation.STATUS, "200");
		return response;
	}

	/** The FC 3.0 HTTP-trigger answer: {@code {statusCode, headers, isBase64Encoded, body}}. */
	private static PortableHttpResponse httpTriggerAnswer(PortableHttpResponse response) {
		Map<String, String> headers = new LinkedHashMap<>();
		response.headers().forEach((name, values) -> headers.put(name, String.join(",", values)));
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("statusCode", response.status());
		answer.put("headers", headers);
		answer.put("isBase64Encoded", response.needsBase64());
		answer.put("body", response.bodyForJsonField());
		PortableHttpResponse wrapped = PortableHttpResponse.of(200, MediaTypes.JSON, JsonEvents.mapper().writeValueAsBytes(answer));
		wrapped.headers().set(FcInvocation.STATUS, "200");
		return wrapped;
	}

	static PortableHttpResponse failed(FunctionError error) {
		Headers headers = new Headers().set("Content-Type", MediaTypes.JSON).set(FcInvocation.STATUS, "404");
		return new PortableHttpResponse(error.status(), headers, error.toJsonBytes());
	}
}
