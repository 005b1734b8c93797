package dev.polyfn.conformance.tencent;

import java.nio.charset.StandardCharsets;
import java.util.List;

import dev.polyfn.conformance.HttpAnswer;
import dev.polyfn.conformance.HttpCall;
import dev.polyfn.conformance.JsonHttpAnswer;
import dev.polyfn.conformance.Target;
import dev.polyfn.core.events.JsonEvents;
import dev.polyfn.core.testing.Fixtures;
import tools.jackson.databind.node.ObjectNode;

/**
 * Tencent function URL request to an event function: API Gateway's request format without the gateway's own
 * fields ({@code requestContext}, {@code headerParameters}, {@code pathParameters}, {@code queryStringParameters},
 * {@code stageVariables}); there is no published function-URL sample, so it is made from the API Gateway one.
 */
public final class ScfFunctionUrlTarget implements Target.Http {

	@Override
	public String name() {
		return "Tencent Function URL";
	}

	@Override
	public HttpAnswer call(HttpCall call) {
		ObjectNode event = (ObjectNode) JsonEvents.parse(Fixtures.bytes(ScfApiGatewayTarget.FIXTURE));
		event.remove(List.of("requestContext", "headerParameters", "pathParameters", "queryStringParameters", "stageVariables"));
		return JsonHttpAnswer.read(Scf.invoke(ScfApiGatewayTarget.request(event, call)).getBytes(StandardCharsets.UTF_8));
	}
}
