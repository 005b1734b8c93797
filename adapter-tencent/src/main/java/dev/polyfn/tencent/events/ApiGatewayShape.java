package dev.polyfn.tencent.events;

import dev.polyfn.core.events.JsonEvents;
import tools.jackson.databind.JsonNode;

/**
 * API Gateway integration request: {@code requestContext} (serviceId, stage), {@code httpMethod}, {@code path},
 * single-value {@code headers}, {@code queryString} (all parameters) beside {@code queryStringParameters} (the
 * declared ones) and {@code headerParameters}. The gateway has no multi-value headers.
 */
final class ApiGatewayShape implements EventShape {

	@Override
	public String name() {
		return "API Gateway";
	}

	@Override
	public boolean matches(JsonNode event) {
		return JsonEvents.at(event, "requestContext", "serviceId") != null && JsonEvents.at(event, "httpMethod") != null;
	}

	@Override
	public NormalisedEvent normalise(JsonNode event) {
		return new NormalisedEvent.HttpRequest(HttpEventReader.read(event, "queryStringParameters"));
	}

	@Override
	public boolean answersHttp() {
		return true;
	}
}
