package dev.polyfn.conformance.tencent;

import java.nio.charset.StandardCharsets;

import dev.polyfn.conformance.HttpAnswer;
import dev.polyfn.conformance.HttpCall;
import dev.polyfn.conformance.JsonHttpAnswer;
import dev.polyfn.conformance.Target;
import dev.polyfn.core.events.JsonEvents;
import dev.polyfn.core.testing.Fixtures;
import tools.jackson.databind.node.ObjectNode;

/**
 * Tencent API Gateway integration request to an event function, from the documented event: single-value
 * {@code headers} (a repeated header comma-joined), {@code queryString} (a repeated name as an array), the body
 * (base64 with {@code isBase64Encoded} for binary media types). The answer is API Gateway's response JSON.
 */
public final class ScfApiGatewayTarget implements Target.Http {

	static final String FIXTURE = "tencent/apigateway/docs-apigw-integration-request-event.json";

	@Override
	public String name() {
		return "Tencent API Gateway";
	}

	@Override
	public HttpAnswer call(HttpCall call) {
		return JsonHttpAnswer.read(Scf.invoke(request((ObjectNode) JsonEvents.parse(Fixtures.bytes(FIXTURE)), call))
			.getBytes(StandardCharsets.UTF_8));
	}

	/** The fields API Gateway and Function URL requests share, set from the call. */
	static ObjectNode request(ObjectNode event, HttpCall call) {
		event.put("httpMethod", call.method());
		event.put("path", call.path());
		ObjectNode headers = event.putObject("headers");
		headers.put("Host", "service-3ei3tii4-251000691.ap-guangzhou.apigateway.myqloud.com");
		call.headers().forEach((name, values) -> headers.put(name, String.join(",", values)));
		ObjectNode query = event.putObject("queryString");
		call.query().forEach((name, values) -> {
			if (values.size() == 1) {
				query.put(name, values.get(0));
			}
			else {
				values.forEach(query.putArray(name)::add);
			}
		});
		if (event.has("queryStringParameters")) {
			event.set("queryStringParameters", query.deepCopy());
		}
		event.put("body", call.bodyField());
		event.put("isBase64Encoded", !call.textBody());
		if (event.get("requestContext") instanceof ObjectNode context) {
			context.put("httpMethod", call.method());
		}
		return event;
	}
}
