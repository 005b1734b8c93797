package dev.polyfn.aws.http;

import java.nio.charset.StandardCharsets;

import dev.polyfn.aws.LambdaShape;
import dev.polyfn.core.boot.PolyfnRuntime;
import dev.polyfn.core.events.JsonEvents;
import dev.polyfn.core.invoke.FunctionFailure;
import dev.polyfn.core.invoke.InvocationContext;
import dev.polyfn.core.model.Headers;
import dev.polyfn.core.model.PortableHttpRequest;
import dev.polyfn.core.model.PortableHttpResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An HTTP-shaped Lambda event: the request becomes a {@link PortableHttpRequest}, function-core serves it,
 * and the response goes back in the shape's own JSON. Every failure, including an unreadable event or body,
 * is an HTTP response in that format (400, 404, 500...), never a failed invocation: API Gateway and ALB turn a
 * failed invocation into an opaque 502.
 */
public abstract class HttpShape implements LambdaShape {

	@Override
	public boolean routesByPath() {
		return true;
	}

	/** The portable request; a malformed event (invalid base64 body...) fails with a 400 {@link FunctionFailure}. */
	public abstract PortableHttpRequest toRequest(JsonNode event);

	/** The response in this shape's format; {@code event} (null when unreadable) tells request-dependent modes. */
	public abstract ObjectNode toResponse(PortableHttpResponse response, JsonNode event);

	@Override
	public byte[] handle(byte[] raw, JsonNode event, PolyfnRuntime runtime, InvocationContext context) {
		PortableHttpResponse response;
		try {
			response = serve(toRequest(event), runtime, context);
		}
		catch (FunctionFailure badRequest) {
			response = badRequest.error().toHttpResponse();
		}
		return JsonEvents.toBytes(toResponse(response, event));
	}

	/**
	 * A configured function is the only one this Lambda function runs, whatever the path; without one, the
	 * path's last segment picks the function (one Lambda function serving /reverse, /square...).
	 */
	protected static PortableHttpResponse serve(PortableHttpRequest request, PolyfnRuntime runtime,
			InvocationContext context) {
		return runtime.invoker().isConfigured() ? runtime.http().handle(request, (String) null, context)
				: runtime.http().handle(request, context);
	}

	@Override
	public void prime() {
		JsonEvents.toBytes(toResponse(PortableHttpResponse.of(200, "text/plain;charset=UTF-8", "primed".getBytes()), null));
	}

	@Override
	public byte[] unreadable(FunctionFailure failure) {
		return JsonEvents.toBytes(toResponse(failure.error().toHttpResponse(), null));
	}

	/** The body as bytes: base64-decoded when the event says so (invalid base64 is a 400), else UTF-8 text. */
	protected static byte[] body(JsonNode event) {
		String body = JsonEvents.text(event, "body");
		if (body == null) {
			return new byte[0];
		}
		return JsonEvents.bool(event, "isBase64Encoded") ? JsonEvents.base64(body, "body")
				: body.getBytes(StandardCharsets.UTF_8);
	}

	/** Adds a JSON object of single values ({@code {"name": "value"}}) to headers or parameters. */
	protected static void addSingle(JsonNode values, java.util.function.BiConsumer<String, String> add) {
		if (values != null && values.isObject()) {
			values.properties().forEach(e -> {
				if (!e.getValue().isNull()) {
					add.accept(e.getKey(), e.getValue().asString());
				}
			});
		}
	}

	/** Adds a JSON object of value lists ({@code {"name": ["a", "b"]}}) to headers or parameters. */
	protected static void addMulti(JsonNode values, java.util.function.BiConsumer<String, String> add) {
		if (values != null && values.isObject()) {
			values.properties().forEach(e -> {
				if (e.getValue().isArray()) {
					e.getValue().forEach(v -> add.accept(e.getKey(), v.asString()));
				}
			});
		}
	}

	/** The shared fields of every Lambda HTTP response; {@code body} and {@code isBase64Encoded} per the content. */
	protected static ObjectNode baseResponse(PortableHttpResponse response) {
		ObjectNode out = JsonEvents.object();
		out.put("statusCode", response.status());
		return out;
	}

	protected static void putBody(ObjectNode out, PortableHttpResponse response) {
		out.put("body", response.bodyForJsonField());
		out.put("isBase64Encoded", response.needsBase64());
	}

	/** Multi-value headers as {@code {"name": ["a", "b"]}}. */
	protected static ObjectNode multiValueHeaders(Headers headers) {
		ObjectNode out = JsonEvents.object();
		headers.forEach((name, values) -> {
			var array = out.putArray(name);
			values.forEach(array::add);
		});
		return out;
	}
}
