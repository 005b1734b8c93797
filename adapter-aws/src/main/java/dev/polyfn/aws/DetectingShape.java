package dev.polyfn.aws;

import java.util.List;

import dev.polyfn.aws.events.DirectInvokeShape;
import dev.polyfn.aws.events.DynamoDbStreamShape;
import dev.polyfn.aws.events.EventBridgeShape;
import dev.polyfn.aws.events.KinesisShape;
import dev.polyfn.aws.events.S3Shape;
import dev.polyfn.aws.events.SnsShape;
import dev.polyfn.aws.events.SqsShape;
import dev.polyfn.aws.http.AlbShape;
import dev.polyfn.aws.http.HttpApiShape;
import dev.polyfn.aws.http.RestApiShape;
import dev.polyfn.core.boot.PolyfnRuntime;
import dev.polyfn.core.invoke.InvocationContext;
import tools.jackson.databind.JsonNode;

/**
 * Picks the shape of each event from an ordered table: the first whose {@code matches} accepts it. The order
 * puts the most specific markers first (a record's {@code eventSource}, {@code requestContext.elb}, a
 * function URL's domain) and ends with direct invocation, which takes everything else unchanged.
 */
public final class DetectingShape implements LambdaShape {

	static final List<LambdaShape> TABLE = List.of(
			new SqsShape(),
			new SnsShape(),
			new S3Shape(),
			new DynamoDbStreamShape(),
			new KinesisShape(),
			new AlbShape(),
			HttpApiShape.functionUrl(),
			HttpApiShape.httpApi(),
			new RestApiShape(),
			new EventBridgeShape(),
			new DirectInvokeShape());

	private static final LambdaShape DIRECT = TABLE.get(TABLE.size() - 1);

	/** The shape of an event; a payload that is not JSON (null) is a direct invocation. */
	public static LambdaShape detect(JsonNode event) {
		if (event == null) {
			return DIRECT;
		}
		return TABLE.stream().filter(shape -> shape.matches(event)).findFirst().orElse(DIRECT);
	}

	@Override
	public String name() {
		return "detect";
	}

	@Override
	public boolean matches(JsonNode event) {
		return true;
	}

	@Override
	public boolean acceptsNonJson() {
		return true;
	}

	@Override
	public byte[] handle(byte[] raw, JsonNode event, PolyfnRuntime runtime, InvocationContext context) {
		return detect(event).handle(raw, event, runtime, context);
	}
}
