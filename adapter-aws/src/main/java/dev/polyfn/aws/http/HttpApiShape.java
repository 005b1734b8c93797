package dev.polyfn.aws.http;

import java.util.ArrayList;
import java.util.List;

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
 * Payload format 2.0: API Gateway HTTP APIs and Lambda function URLs send and expect the same JSON. Headers
 * arrive one value each (repeated headers comma-joined), cookies apart in {@code cookies[]}; the response
 * joins repeated headers with commas the same way and returns {@code Set-Cookie} values in {@code cookies[]}.
 */
public class HttpApiShape extends HttpShape {

	private final boolean functionUrl;

	private HttpApiShape(boolean functionUrl) {
		this.functionUrl = functionUrl;
	}

	/** An API Gateway HTTP API request. */
	public static HttpApiShape httpApi() {
		return new HttpApiShape(false);
	}

	/** A Lambda function URL request (its domain is {@code <id>.lambda-url.<region>.on.aws}). */
	public static HttpApiShape functionUrl() {
		return new HttpApiShape(true);
	}

	@Override
	public String name() {
		return functionUrl ? "function-url" : "apigw-http-v2";
	}

	@Override
	public boolean matches(JsonNode event) {
		if (!"2.0".equals(JsonEvents.text(event, "version")) || JsonEvents.at(event, "requestContext", "http") == null) {
			return false;
		}
		String domain = JsonEvents.text(event, "requestContext", "domainName");
		return functionUrl == (domain != null && domain.contains(".lambda-url."));
	}

	@Override
	public PortableHttpRequest toRequest(JsonNode event) {
		Headers headers = new Headers();
		addSingle(JsonEvents.at(event, "headers"), headers::add);
		List<String> cookies = new ArrayList<>();
		JsonNode cookieArray = JsonEvents.at(event, "cookies");
		if (cookieArray != null && cookieArray.isArray()) {
			cookieArray.forEach(c -> cookies.add(c.asString()));
		}
		if (!cookies.isEmpty() && !headers.contains("Cookie")) {
			// 2.0 moves the Cookie header into cookies[]; put it back for functions that read headers.
			headers.add("Cookie", String.join("; ", cookies));
		}
		return PortableHttpRequest.builder()
				.method(JsonEvents.text(event, "requestContext", "http", "method"))
				.path(JsonEvents.text(event, "rawPath"))
				.rawQuery(JsonEvents.text(event, "rawQueryString"))
				.headers(headers)
				.cookies(cookies)
				.body(body(event))
				.base64Encoded(JsonEvents.bool(event, "isBase64Encoded"))
				.build();
	}

	@Override
	public byte[] handleBytes(byte[] raw, PolyfnRuntime runtime, InvocationContext context) {
		PortableHttpResponse response;
		try {
			PortableHttpRequest request = HttpApiStream.readOrNull(raw);
			if (request == null) {
				return null;
			}
			response = serve(request, runtime, context);
		}
		catch (FunctionFailure badRequest) {
			response = badRequest.error().toHttpResponse();
		}
		return HttpApiStream.write(response);
	}

	@Override
	public ObjectNode toResponse(PortableHttpResponse response, JsonNode event) {
		ObjectNode out = baseResponse(response);
		ObjectNode headers = out.putObject("headers");
		var cookies = JsonEvents.array();
		response.headers().forEach((name, values) -> {
			if (name.equalsIgnoreCase("Set-Cookie")) {
				values.forEach(cookies::add);
			}
			else {
				headers.put(name, String.join(",", values));
			}
		});
		if (!cookies.isEmpty()) {
			out.set("cookies", cookies);
		}
		putBody(out, response);
		return out;
	}
}
