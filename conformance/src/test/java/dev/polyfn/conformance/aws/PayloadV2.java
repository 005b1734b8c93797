package dev.polyfn.conformance.aws;

import java.util.List;
import java.util.Locale;

import dev.polyfn.conformance.HttpCall;
import dev.polyfn.core.events.JsonEvents;
import dev.polyfn.core.testing.Fixtures;
import tools.jackson.databind.node.ObjectNode;

/**
 * The payload 2.0 request HTTP APIs and function URLs send, made from a fixture of that shape: the fixture's own
 * headers stay (host, forwarding, tracing), the call's replace theirs; repeated values are comma-joined in one
 * header, as the gateway does; the query travels raw in {@code rawQueryString}.
 */
final class PayloadV2 {

	private PayloadV2() {
	}

	static ObjectNode request(String fixture, HttpCall call) {
		ObjectNode event = (ObjectNode) JsonEvents.parse(Fixtures.bytes(fixture));
		event.put("rawPath", call.path());
		event.put("rawQueryString", call.rawQuery());
		ObjectNode headers = (ObjectNode) event.get("headers");
		headers.remove(List.of("content-type", "content-length", "Content-Type", "Content-Length"));
		call.headers().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
		if (call.query().isEmpty()) {
			event.remove("queryStringParameters");
		}
		else {
			ObjectNode query = event.putObject("queryStringParameters");
			call.query().forEach((name, values) -> query.put(name, String.join(",", values)));
		}
		ObjectNode http = (ObjectNode) event.get("requestContext").get("http");
		http.put("method", call.method());
		http.put("path", call.path());
		if (call.body().length == 0) {
			event.remove("body");
		}
		else {
			event.put("body", call.bodyField());
		}
		event.put("isBase64Encoded", !call.textBody());
		return event;
	}
}
