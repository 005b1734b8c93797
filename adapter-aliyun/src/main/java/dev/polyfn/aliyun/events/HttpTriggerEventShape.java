package dev.polyfn.aliyun.events;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import dev.polyfn.core.events.JsonEvents;
import dev.polyfn.core.model.PortableHttpRequest;
import tools.jackson.databind.JsonNode;

/**
 * The FC 3.0 HTTP-trigger event ({@code version}, {@code rawPath}, {@code headers}, {@code queryParameters},
 * {@code body}, {@code isBase64Encoded}, {@code requestContext.http}) that API invocations of HTTP functions
 * carry. Multi-value headers arrive comma-joined; they reach the function that way.
 */
final class HttpTriggerEventShape implements FcEventShape {

	@Override
	public boolean matches(JsonNode event) {
		return event.isObject() && event.has("rawPath") && JsonEvents.at(event, "requestContext", "http") != null;
	}

	@Override
	public FcEvent read(JsonNode event) {
		String method = JsonEvents.text(event, "requestContext", "http", "method");
		PortableHttpRequest.Builder request = PortableHttpRequest.builder()
				.method(method == null ? "GET" : method)
				.path(JsonEvents.text(event, "rawPath"));
		JsonNode headers = JsonEvents.at(event, "headers");
		if (headers != null && headers.isObject()) {
			for (Map.Entry<String, JsonNode> header : headers.properties()) {
				request.header(header.getKey(), header.getValue().asString());
			}
		}
		JsonNode query = JsonEvents.at(event, "queryParameters");
		if (query != null && query.isObject()) {
			for (Map.Entry<String, JsonNode> parameter : query.properties()) {
				JsonNode value = parameter.getValue();
				if (value.isArray()) {
					value.forEach(v -> request.queryParameter(parameter.getKey(), v.asString()));
				}
				else {
					request.queryParameter(parameter.getKey(), value.asString());
				}
			}
		}
		String body = JsonEvents.text(event, "body");
		boolean base64 = JsonEvents.bool(event, "isBase64Encoded");
		if (base64) {
			request.body(JsonEvents.base64(body, "body"));
		}
		else {
			request.body(body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8));
		}
		return new FcEvent.HttpTrigger(request.build());
	}
}
