package dev.polyfn.aws.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.polyfn.core.events.JsonEvents;
import dev.polyfn.core.model.Headers;
import dev.polyfn.core.model.PortableHttpRequest;
import dev.polyfn.core.model.PortableHttpResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * API Gateway REST API, Lambda proxy integration (payload format 1.0). The event has both {@code headers}
 * (last value of each) and {@code multiValueHeaders} (all values); they can disagree, and the multi-value
 * form is the complete one, so it wins. Query parameters arrive decoded; the same rule applies to them.
 * Binary responses need the API's binary media types set (e.g. {@code *}{@code /*}), or API Gateway returns
 * the base64 text.
 */
public class RestApiShape extends HttpShape {

	@Override
	public String name() {
		return "apigw-rest-v1";
	}

	@Override
	public boolean matches(JsonNode event) {
		return JsonEvents.at(event, "httpMethod") != null && JsonEvents.at(event, "requestContext", "elb") == null
				&& JsonEvents.at(event, "requestContext") != null;
	}

	@Override
	public PortableHttpRequest toRequest(JsonNode event) {
		Headers headers = new Headers();
		addMulti(JsonEvents.at(event, "multiValueHeaders"), headers::add);
		addSingle(JsonEvents.at(event, "headers"), (name, value) -> {
			if (!headers.contains(name)) {
				headers.add(name, value);
			}
		});
		Map<String, List<String>> query = new LinkedHashMap<>();
		addMulti(JsonEvents.at(event, "multiValueQueryStringParameters"),
				(name, value) -> query.computeIfAbsent(name, k -> new ArrayList<>()).add(value));
		addSingle(JsonEvents.at(event, "queryStringParameters"),
				(name, value) -> query.computeIfAbsent(name, k -> new ArrayList<>(List.of(value))));
		return PortableHttpRequest.builder()
				.method(JsonEvents.text(event, "httpMethod"))
				.path(JsonEvents.text(event, "path"))
				.query(query)
				.headers(headers)
				.body(body(event))
				.base64Encoded(JsonEvents.bool(event, "isBase64Encoded"))
				.build();
	}

	/** Only {@code multiValueHeaders}: when both are given API Gateway merges them, and a header could double. */
	@Override
	public ObjectNode toResponse(PortableHttpResponse response, JsonNode event) {
		ObjectNode out = baseResponse(response);
		out.set("multiValueHeaders", multiValueHeaders(response.headers()));
		putBody(out, response);
		return out;
	}
}
