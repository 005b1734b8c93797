package dev.polyfn.tencent.events;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.polyfn.core.events.JsonEvents;
import dev.polyfn.core.model.Headers;
import dev.polyfn.core.model.PortableHttpRequest;
import dev.polyfn.core.model.QueryString;
import tools.jackson.databind.JsonNode;

/**
 * Reads the HTTP fields API Gateway integration requests and Function URL requests share: {@code httpMethod},
 * {@code path}, single-value {@code headers}, {@code queryString} and {@code body} with {@code isBase64Encoded}.
 */
final class HttpEventReader {

	private HttpEventReader() {
	}

	static PortableHttpRequest read(JsonNode event, String queryFallbackField) {
		Headers headers = new Headers();
		JsonNode headerNode = JsonEvents.at(event, "headers");
		if (headerNode != null && headerNode.isObject()) {
			headerNode.properties().forEach(e -> {
				if (!e.getValue().isNull()) {
					headers.add(e.getKey(), e.getValue().isValueNode() ? e.getValue().asString() : e.getValue().toString());
				}
			});
		}
		Map<String, List<String>> query = query(JsonEvents.at(event, "queryString"));
		if (query.isEmpty() && queryFallbackField != null) {
			query = query(JsonEvents.at(event, queryFallbackField));
		}
		String body = JsonEvents.text(event, "body");
		boolean base64 = JsonEvents.bool(event, "isBase64Encoded");
		String method = JsonEvents.text(event, "httpMethod");
		String path = JsonEvents.text(event, "path");
		return PortableHttpRequest.builder()
				.method(method == null ? "GET" : method)
				.path(path == null ? "/" : path)
				.query(query)
				.rawQuery(QueryString.build(query))
				.headers(headers)
				.body(base64 ? JsonEvents.base64(body, "body") : body == null ? new byte[0] : body.getBytes(UTF_8))
				.base64Encoded(base64)
				.build();
	}

	/** The gateway sends the query as an object (a repeated name as an array) or, in some set-ups, as raw text. */
	private static Map<String, List<String>> query(JsonNode node) {
		Map<String, List<String>> query = new LinkedHashMap<>();
		if (node == null) {
			return query;
		}
		if (node.isString()) {
			return QueryString.parse(node.asString());
		}
		if (node.isObject()) {
			node.properties().forEach(e -> {
				List<String> values = new ArrayList<>();
				if (e.getValue().isArray()) {
					e.getValue().forEach(v -> values.add(v.asString()));
				}
				else if (!e.getValue().isNull()) {
					values.add(e.getValue().asString());
				}
				query.put(e.getKey(), values);
			});
		}
		return query;
	}
}
