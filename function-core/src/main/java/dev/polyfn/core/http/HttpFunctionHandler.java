package dev.polyfn.core.http;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.polyfn.core.invoke.FunctionError;
import dev.polyfn.core.invoke.FunctionFailure;
import dev.polyfn.core.invoke.FunctionInput;
import dev.polyfn.core.invoke.FunctionInvoker;
import dev.polyfn.core.invoke.InvocationContext;
import dev.polyfn.core.invoke.InvocationResult;
import dev.polyfn.core.invoke.LazyHeaders;
import dev.polyfn.core.invoke.PolyfnHeaders;
import dev.polyfn.core.invoke.ResolvedFunction;
import dev.polyfn.core.model.Headers;
import dev.polyfn.core.model.MediaTypes;
import dev.polyfn.core.model.PortableEvent;
import dev.polyfn.core.model.PortableHttpRequest;
import dev.polyfn.core.model.PortableHttpResponse;
import dev.polyfn.core.model.QueryString;

/**
 * Serves one portable HTTP request with a function: picks the function (named, by path, or the default),
 * enforces the body limit, reads CloudEvents in binary ({@code ce-*} headers) and structured mode, and answers
 * with a portable response under the shared error contract. Every HTTP-shaped target goes through here, so the
 * method rule ({@link MethodRule}) and CORS ({@link CorsPolicy}) hold alike on every cloud.
 */
public class HttpFunctionHandler {

	private final FunctionInvoker invoker;
	private final long maxBodySize;
	private final CorsPolicy cors;

	public HttpFunctionHandler(FunctionInvoker invoker, long maxBodySize) {
		this(invoker, maxBodySize, CorsPolicy.NONE);
	}

	public HttpFunctionHandler(FunctionInvoker invoker, long maxBodySize, CorsPolicy cors) {
		this.invoker = invoker;
		this.maxBodySize = maxBodySize;
		this.cors = cors;
	}

	public FunctionInvoker invoker() {
		return invoker;
	}

	public long maxBodySize() {
		return maxBodySize;
	}

	/**
	 * Cloud HTTP triggers (API gateways, function URLs): the configured function answers every path, so a
	 * deployment exposes only what it was deployed for; with none configured the path names the function (its
	 * whole path or its last segment, e.g. {@code /prod/reverse}), else the only function runs.
	 */
	public PortableHttpResponse handle(PortableHttpRequest request, InvocationContext context) {
		String definition;
		try {
			definition = routeLeniently(request.path());
		}
		catch (FunctionFailure unknown) {
			return unknown.error().toHttpResponse();
		}
		return handle(request, definition, context);
	}

	/**
	 * Web-app mode: {@code /} runs the default function, {@code /name} or {@code /a,b} runs exactly that,
	 * and anything else is 404.
	 */
	public PortableHttpResponse handleStrict(PortableHttpRequest request, InvocationContext context) {
		String path = trimSlashes(request.path());
		if (path.isEmpty()) {
			return handle(request, (String) null, context);
		}
		return handle(request, QueryString.decode(path), context);
	}

	/** Runs the named definition (null: the default) on the request. */
	public PortableHttpResponse handle(PortableHttpRequest request, String definition, InvocationContext context) {
		if (request.body().length > maxBodySize) {
			return FunctionError.payloadTooLarge(request.body().length, maxBodySize).toHttpResponse();
		}
		ResolvedFunction function;
		try {
			function = invoker.resolve(definition);
		}
		catch (FunctionFailure unknown) {
			return unknown.error().toHttpResponse();
		}
		PortableHttpResponse refused = MethodRule.refusal(request.method(), function, request.body().length > 0);
		if (refused != null) {
			return cors.apply(request, refused, MethodRule.allow(function));
		}
		return cors.enabled() ? cors.apply(request, run(request, function, context), MethodRule.allow(function))
				: run(request, function, context);
	}

	private PortableHttpResponse run(PortableHttpRequest request, ResolvedFunction function, InvocationContext context) {
		PortableEvent event;
		try {
			event = CloudEventCodec.fromHttp(request);
		}
		catch (FunctionFailure malformed) {
			return malformed.error().toHttpResponse();
		}
		if (event != null) {
			InvocationResult result = invoker.invokeEvent(function, event, context);
			return CloudEventReply.of(function.definition(), event, isStructuredCloudEvent(request.contentType()), result);
		}
		return toResponse(invoker.invoke(function, toInput(request), context));
	}

	/** What a function sees of an HTTP request: the body, and method, path, query and headers as message headers. */
	public static FunctionInput toInput(PortableHttpRequest request) {
		Map<String, Object> headers = LazyHeaders.of(() -> {
			Map<String, Object> all = new LinkedHashMap<>();
			request.headers().forEach((name, values) -> all.put(name.toLowerCase(Locale.ROOT),
					values.size() == 1 ? values.get(0) : List.copyOf(values)));
			all.put(PolyfnHeaders.HTTP_METHOD, request.method());
			all.put(PolyfnHeaders.HTTP_PATH, request.path());
			all.put(PolyfnHeaders.HTTP_QUERY, request.rawQuery());
			all.put(PolyfnHeaders.HTTP_QUERY_PARAMS, request.query());
			all.put(PolyfnHeaders.HTTP_HEADERS, request.headers().toMap());
			return all;
		});
		return new FunctionInput(request.body(), request.contentType(), headers, List.of(request));
	}

	public static PortableHttpResponse toResponse(InvocationResult result) {
		Headers headers = new Headers();
		result.headers().forEach((name, value) -> {
			if (value instanceof List<?> values) {
				values.forEach(v -> headers.add(name, String.valueOf(v)));
			}
			else {
				headers.add(name, String.valueOf(value));
			}
		});
		if (result.contentType() != null) {
			headers.set("Content-Type", result.contentType());
		}
		return new PortableHttpResponse(result.status(), headers, result.body());
	}

	private String routeLeniently(String path) {
		if (invoker.isConfigured()) {
			return invoker.defaultDefinition();
		}
		String trimmed = trimSlashes(path == null ? "" : path);
		if (!trimmed.isEmpty()) {
			String whole = QueryString.decode(trimmed);
			if (invoker.isKnown(whole)) {
				return whole;
			}
			String last = QueryString.decode(trimmed.substring(trimmed.lastIndexOf('/') + 1));
			if (invoker.isKnown(last)) {
				return last;
			}
		}
		String fallback = invoker.defaultDefinition();
		if (fallback == null) {
			throw new FunctionFailure(FunctionError.unknownFunction("No function for path '" + path
					+ "'; the deployed functions are " + invoker.functionNames()));
		}
		return fallback;
	}

	private static String trimSlashes(String path) {
		int start = 0;
		int end = path.length();
		while (start < end && path.charAt(start) == '/') {
			start++;
		}
		while (end > start && path.charAt(end - 1) == '/') {
			end--;
		}
		return path.substring(start, end);
	}

	static boolean isStructuredCloudEvent(String contentType) {
		return MediaTypes.CLOUDEVENTS_JSON.equals(MediaTypes.baseType(contentType));
	}
}
