package dev.polyfn.aws;

import dev.polyfn.core.boot.PolyfnRuntime;
import dev.polyfn.core.invoke.FunctionFailure;
import dev.polyfn.core.invoke.InvocationContext;
import tools.jackson.databind.JsonNode;

/**
 * One kind of Lambda event (an API Gateway request, an SQS batch...): how to recognise it, how to run the
 * function on it through the function-core pipeline, and what Lambda must get back. One small class per shape.
 */
public interface LambdaShape {

	/** Short name, as in the fixture folders: {@code sqs}, {@code apigw-http-v2}... */
	String name();

	/** Whether an event has this shape; used by {@link LambdaHandler}'s ordered detection table. */
	boolean matches(JsonNode event);

	/**
	 * HTTP shapes may pick the function from the request path when no definition is configured; every other
	 * shape needs a configured (or only) function, checked when the container starts.
	 */
	default boolean routesByPath() {
		return false;
	}

	/** Whether a payload that is not JSON (a direct invocation with any bytes) is still this shape's to handle. */
	default boolean acceptsNonJson() {
		return false;
	}

	/**
	 * Runs the function on one invocation's event and returns Lambda's response payload. Failures the cloud
	 * must see as a failed invocation are thrown as {@link LambdaFunctionException}.
	 *
	 * @param raw the payload bytes exactly as Lambda delivered them
	 * @param event the same payload parsed, or null when it is not JSON
	 */
	byte[] handle(byte[] raw, JsonNode event, PolyfnRuntime runtime, InvocationContext context);

	/**
	 * Runs this shape's mapping once without calling any function, for SnapStart's pre-snapshot hook: enough for
	 * its classes to be loaded. Shapes with a mapping of their own to warm override it.
	 */
	default void prime() {
	}

	/**
	 * The answer in one pass over the raw bytes, for shapes that can map an event without a tree (and only when
	 * the handler knows the shape); null means: parse the tree and call {@link #handle}.
	 */
	default byte[] handleBytes(byte[] raw, PolyfnRuntime runtime, InvocationContext context) {
		return null;
	}

	/** The shape's answer to a payload that is not even JSON: a 400 response for HTTP shapes, a failure otherwise. */
	default byte[] unreadable(FunctionFailure failure) {
		throw new LambdaFunctionException(failure.error());
	}
}
