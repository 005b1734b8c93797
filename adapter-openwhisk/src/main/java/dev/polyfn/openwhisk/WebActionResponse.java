package dev.polyfn.openwhisk;

import java.util.Base64;

import dev.polyfn.core.events.JsonEvents;
import dev.polyfn.core.model.PortableHttpResponse;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The portable response as a web action's result: {@code statusCode}, {@code headers} (a repeated header as an
 * array, which the controller turns back into one header per value) and {@code body} (base64 where
 * {@link OpenWhiskMediaTypes#responseBodyNeedsBase64} says so; none when empty, so the controller answers no
 * entity). A status of 400 and above goes under {@code error}: the activation is then recorded as an application
 * error, and the controller unwraps that field and answers it all the same (WebActions.scala
 * {@code completeRequest}, {@code resultAsHttp}; apache/openwhisk, read 2026-12-03).
 */
final class WebActionResponse {

	private WebActionResponse() {
	}

	static ObjectNode toResult(PortableHttpResponse response) {
		ObjectNode http = JsonEvents.object();
		http.put("statusCode", response.status());
		ObjectNode headers = http.putObject("headers");
		response.headers().forEach((name, values) -> {
			if (values.size() == 1) {
				headers.put(name, values.get(0));
			}
			else {
				ArrayNode all = headers.putArray(name);
				values.forEach(all::add);
			}
		});
		if (response.body().length > 0) {
			http.put("body", OpenWhiskMediaTypes.responseBodyNeedsBase64(response.contentType())
					? Base64.getEncoder().encodeToString(response.body()) : response.bodyAsString());
		}
		if (response.status() < 400) {
			return http;
		}
		ObjectNode failed = JsonEvents.object();
		failed.set("error", http);
		return failed;
	}
}
