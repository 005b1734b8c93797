package dev.polyfn.conformance.aliyun;

import java.net.http.HttpResponse;

import dev.polyfn.conformance.HttpAnswer;
import dev.polyfn.conformance.HttpCall;
import dev.polyfn.conformance.JsonHttpAnswer;
import dev.polyfn.conformance.Target;
import dev.polyfn.core.events.JsonEvents;
import dev.polyfn.core.model.Headers;
import dev.polyfn.core.testing.Fixtures;
import tools.jackson.databind.node.ObjectNode;

/**
 * The FC 3.0 HTTP-trigger event (an API invocation of an HTTP function) on {@code POST /invoke}: the devsapp
 * fixture with the call's path, single-value headers (repeated values comma-joined, as FC does), query and body;
 * the answer is {@code {statusCode, headers, isBase64Encoded, body}} in a 200.
 */
public final class FcHttpTriggerEventTarget implements Target.Http {

	static final String FIXTURE = "aliyun/http/devsapp-fc3-event-template-http.json";

	@Override
	public String name() {
		return "Alibaba FC3 HTTP-trigger event";
	}

	@Override
	public HttpAnswer call(HttpCall call) throws Exception {
		ObjectNode event = (ObjectNode) JsonEvents.parse(Fixtures.bytes(FIXTURE));
		event.put("rawPath", call.path());
		ObjectNode headers = (ObjectNode) event.get("headers");
		headers.remove("Content-Type");
		call.headers().forEach((name, values) -> headers.put(name, String.join(",", values)));
		ObjectNode query = event.putObject("queryParameters");
		call.query().forEach((name, values) -> {
			if (values.size() == 1) {
				query.put(name, values.get(0));
			}
			else {
				values.forEach(query.putArray(name)::add);
			}
		});
		event.put("body", call.bodyField());
		event.put("isBase64Encoded", !call.textBody());
		ObjectNode http = (ObjectNode) event.get("requestContext").get("http");
		http.put("method", call.method()).put("path", call.path());
		HttpResponse<byte[]> response = FcServer.invoke(null, JsonEvents.toBytes(event));
		if (response.statusCode() != 200) {
			// Refused before the event was read (an event over the body limit): the answer is the server's own.
			return new HttpAnswer(response.statusCode(), Headers.of(response.headers().map()), response.body());
		}
		return JsonHttpAnswer.read(response.body());
	}
}
