package dev.polyfn.conformance.aws;


import dev.polyfn.aws.ApiGatewayRestHandler;
import dev.polyfn.conformance.HttpAnswer;
import dev.polyfn.conformance.HttpCall;
import dev.polyfn.conformance.JsonHttpAnswer;
import dev.polyfn.conformance.Target;
import dev.polyfn.core.events.JsonEvents;
import dev.polyfn.core.testing.Fixtures;
import tools.jackson.databind.node.ObjectNode;

/**
 * API Gateway REST API, Lambda proxy integration (payload 1.0): the java-libs fixture with the call's method, path,
 * single- and multi-value headers and query, and the body (base64 for binary media types).
 */
public final class ApiGatewayRestTarget implements Target.Http {

	static final String FIXTURE = "aws/apigw-rest-v1/java-libs-apigw_rest_event.json";

	@Override
	public String name() {
		return "AWS API Gateway REST (v1)";
	}

	@Override
	public HttpAnswer call(HttpCall call) {
		ObjectNode event = (ObjectNode) JsonEvents.parse(Fixtures.bytes(FIXTURE));
		String path = "/prod" + call.path();
		event.put("httpMethod", call.method());
		event.put("path", call.path());
		event.put("resource", "/{function+}");
		ObjectNode headers = event.putObject("headers");
		ObjectNode multiHeaders = event.putObject("multiValueHeaders");
		call.headers().forEach((name, values) -> {
			headers.put(name, values.get(values.size() - 1));
			values.forEach(multiHeaders.putArray(name)::add);
		});
		if (call.query().isEmpty()) {
			event.putNull("queryStringParameters");
			event.putNull("multiValueQueryStringParameters");
		}
		else {
			ObjectNode query = event.putObject("queryStringParameters");
			ObjectNode multiQuery = event.putObject("multiValueQueryStringParameters");
			call.query().forEach((name, values) -> {
				query.put(name, values.get(values.size() - 1));
				values.forEach(multiQuery.putArray(name)::add);
			});
		}
		ObjectNode context = (ObjectNode) event.get("requestContext");
		context.put("httpMethod", call.method());
		context.put("path", path);
		event.put("body", call.body().length == 0 ? null : call.bodyField());
		event.put("isBase64Encoded", !call.textBody());
		return JsonHttpAnswer.read(Lambda.invoke(Lambda.handler(null, ApiGatewayRestHandler.class, ApiGatewayRestHandler::new), event));
	}

}
