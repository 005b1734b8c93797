package dev.polyfn.tencent.events;

import dev.polyfn.core.events.JsonEvents;
import tools.jackson.databind.JsonNode;

/**
 * Function URL request: API Gateway's format without the gateway fields ({@code requestContext},
 * {@code headerParameters}, {@code pathParameters}, {@code queryStringParameters}): {@code httpMethod},
 * {@code path}, {@code headers}, {@code queryString}, {@code body} and {@code isBase64Encoded} for binary bodies.
 */
final class FunctionUrlShape implements EventShape {

	@Override
	public String name() {
		return "Function URL";
	}

	@Override
	public boolean matches(JsonNode event) {
		return JsonEvents.at(event, "requestContext") == null && JsonEvents.at(event, "httpMethod") != null
				&& JsonEvents.at(event, "headers") != null && JsonEvents.at(event, "path") != null;
	}

	@Override
	public NormalisedEvent normalise(JsonNode event) {
		return new NormalisedEvent.HttpRequest(HttpEventReader.read(event, null));
	}

	@Override
	public boolean answersHttp() {
		return true;
	}
}
