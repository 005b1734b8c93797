package dev.polyfn.tencent;

import dev.polyfn.core.events.JsonEvents;
import dev.polyfn.core.model.PortableHttpResponse;
import tools.jackson.databind.node.ObjectNode;

/**
 * The answer API Gateway and Function URLs read from an event function:
 * {@code {"isBase64Encoded":..,"statusCode":..,"headers":{..},"body":".."}}. Text bodies travel as they are,
 * anything else base64-encoded. Both accept one value per header, so repeated headers are joined with commas.
 */
final class ScfHttpResponses {

	private ScfHttpResponses() {
	}

	static String toJson(PortableHttpResponse response) {
		ObjectNode json = JsonEvents.object();
		json.put("isBase64Encoded", response.needsBase64());
		json.put("statusCode", response.status());
		ObjectNode headers = json.putObject("headers");
		response.headers().forEach((name, values) -> headers.put(name, String.join(",", values)));
		json.put("body", response.bodyForJsonField());
		return JsonEvents.mapper().writeValueAsString(json);
	}
}
