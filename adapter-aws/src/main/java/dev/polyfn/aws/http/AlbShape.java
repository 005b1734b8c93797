package dev.polyfn.aws.http;

import java.util.List;
import java.util.StringJoiner;

import dev.polyfn.core.events.JsonEvents;
import dev.polyfn.core.model.Headers;
import dev.polyfn.core.model.PortableHttpRequest;
import dev.polyfn.core.model.PortableHttpResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Application Load Balancer target. The target group either sends {@code headers} (single-value mode) or
 * {@code multiValueHeaders} (multi-value mode, when enabled on the target group), and the response must use
 * the same mode: ALB ignores the other field. Query parameters arrive exactly as the client sent them, still
 * URL-encoded, so they are joined back into the raw query and decoded once.
 */
public class AlbShape extends HttpShape {

	@Override
	public String name() {
		return "alb";
	}

	@Override
	public boolean matches(JsonNode event) {
		return JsonEvents.at(event, "requestContext", "elb") != null;
	}

	@Override
	public PortableHttpRequest toRequest(JsonNode event) {
		Headers headers = new Headers();
		StringJoiner rawQuery = new StringJoiner("&");
		if (multiValueMode(event)) {
			addMulti(JsonEvents.at(event, "multiValueHeaders"), headers::add);
			addMulti(JsonEvents.at(event, "multiValueQueryStringParameters"), (n, v) -> rawQuery.add(n + "=" + v));
		}
		else {
			addSingle(JsonEvents.at(event, "headers"), headers::add);
			addSingle(JsonEvents.at(event, "queryStringParameters"), (n, v) -> rawQuery.add(n + "=" + v));
		}
		return PortableHttpRequest.builder()
				.method(JsonEvents.text(event, "httpMethod"))
				.path(JsonEvents.text(event, "path"))
				.rawQuery(rawQuery.toString())
				.headers(headers)
				.body(body(event))
				.base64Encoded(JsonEvents.bool(event, "isBase64Encoded"))
				.build();
	}

	@Override
	public ObjectNode toResponse(PortableHttpResponse response, JsonNode event) {
		ObjectNode out = baseResponse(response);
		out.put("statusDescription", response.status() + " " + reason(response.status()));
		if (multiValueMode(event)) {
			out.set("multiValueHeaders", multiValueHeaders(response.headers()));
		}
		else {
			ObjectNode headers = out.putObject("headers");
			// Single-value mode has one value per name: repeated headers are comma-joined, except Set-Cookie,
			// which cannot be joined, so its last value is kept.
			response.headers().forEach((name, values) -> headers.put(name,
					name.equalsIgnoreCase("Set-Cookie") ? values.get(values.size() - 1) : String.join(",", values)));
		}
		putBody(out, response);
		return out;
	}

	private static boolean multiValueMode(JsonNode event) {
		return event != null && JsonEvents.at(event, "multiValueHeaders") != null;
	}

	private static String reason(int status) {
		return switch (status) {
			case 200 -> "OK";
			case 201 -> "Created";
			case 202 -> "Accepted";
			case 204 -> "No Content";
			case 301 -> "Moved Permanently";
			case 302 -> "Found";
			case 304 -> "Not Modified";
			case 400 -> "Bad Request";
			case 401 -> "Unauthorized";
			case 403 -> "Forbidden";
			case 404 -> "Not Found";
			case 405 -> "Method Not Allowed";
			case 408 -> "Request Timeout";
			case 409 -> "Conflict";
			case 413 -> "Payload Too Large";
			case 415 -> "Unsupported Media Type";
			case 422 -> "Unprocessable Entity";
			case 429 -> "Too Many Requests";
			case 500 -> "Internal Server Error";
			case 502 -> "Bad Gateway";
			case 503 -> "Service Unavailable";
			default -> List.of("Informational", "Success", "Redirection", "Client Error", "Server Error")
					.get(Math.max(0, Math.min(4, status / 100 - 1)));
		};
	}
}
