package dev.polyfn.tencent.events;

import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * The SCF event shapes in the order they are tried. Order matters only where shapes overlap: an API Gateway
 * request carries {@code requestContext}, which a Function URL request (API Gateway's format without the
 * gateway fields) lacks, so the gateway row comes first. Anything no row recognises reaches the function as
 * raw JSON.
 */
public final class ScfEventTable {

	public static final List<EventShape> SHAPES = List.of(
			new ApiGatewayShape(),
			new FunctionUrlShape(),
			new CosShape(),
			new TimerShape(),
			new CkafkaShape(),
			new CmqShape());

	private ScfEventTable() {
	}

	/** The first shape that recognises the event, or null for raw JSON. */
	public static EventShape shapeOf(JsonNode event) {
		for (EventShape shape : SHAPES) {
			if (shape.matches(event)) {
				return shape;
			}
		}
		return null;
	}
}
