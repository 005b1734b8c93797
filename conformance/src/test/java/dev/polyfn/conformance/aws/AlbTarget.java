package dev.polyfn.conformance.aws;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import dev.polyfn.aws.AlbHandler;
import dev.polyfn.conformance.HttpAnswer;
import dev.polyfn.conformance.HttpCall;
import dev.polyfn.conformance.JsonHttpAnswer;
import dev.polyfn.conformance.Target;
import dev.polyfn.core.events.JsonEvents;
import dev.polyfn.core.testing.Fixtures;
import tools.jackson.databind.node.ObjectNode;

/**
 * Application Load Balancer with multi-value headers turned on (the aws-lambda-go fixture): headers and query as
 * lists; ALB passes query values URL-encoded as the client sent them.
 */
public final class AlbTarget implements Target.Http {

	static final String FIXTURE = "aws/alb/go-alb-lambda-target-request-multivalue-headers.json";

	@Override
	public String name() {
		return "AWS ALB";
	}

	@Override
	public HttpAnswer call(HttpCall call) {
		ObjectNode event = (ObjectNode) JsonEvents.parse(Fixtures.bytes(FIXTURE));
		event.put("httpMethod", call.method());
		event.put("path", call.path());
		ObjectNode headers = (ObjectNode) event.get("multiValueHeaders");
		call.headers().forEach((name, values) -> values.forEach(headers.putArray(name.toLowerCase(Locale.ROOT))::add));
		ObjectNode query = event.putObject("multiValueQueryStringParameters");
		call.query().forEach((name, values) -> values.forEach(
				v -> query.withArray(name).add(URLEncoder.encode(v, StandardCharsets.UTF_8))));
		event.put("body", call.bodyField());
		event.put("isBase64Encoded", !call.textBody());
		return JsonHttpAnswer.read(Lambda.invoke(Lambda.handler(null, AlbHandler.class, AlbHandler::new), event));
	}
}
