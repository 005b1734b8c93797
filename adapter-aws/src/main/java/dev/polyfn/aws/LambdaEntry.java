package dev.polyfn.aws;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

import org.slf4j.MDC;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;

import dev.polyfn.core.boot.PolyfnRuntime;
import dev.polyfn.core.events.JsonEvents;
import dev.polyfn.core.invoke.FunctionFailure;
import dev.polyfn.core.invoke.InvocationContext;
import tools.jackson.databind.JsonNode;

/**
 * What every Lambda entry class does: Lambda creates the handler once per container (the init phase, which
 * gets the full CPU), so the constructor starts the application and checks the configured function there; each
 * invocation then only maps the event and calls the pipeline. A wrong {@code SPRING_CLOUD_FUNCTION_DEFINITION}
 * fails the init with a message naming the setting and the functions there are.
 */
public abstract class LambdaEntry implements RequestStreamHandler {

	static final String CLOUD = "aws";

	private final PolyfnRuntime runtime;
	private final LambdaShape shape;
	/** Held here: CRaC keeps its resources only weakly. */
	private final SnapStartPriming priming;

	protected LambdaEntry(LambdaShape shape) {
		this.shape = shape;
		this.runtime = PolyfnRuntime.shared(CLOUD);
		if (!shape.routesByPath() || runtime.invoker().isConfigured()) {
			runtime.invoker().validateDefaultFunction();
		}
		this.priming = SnapStartPriming.register(shape);
	}

	@Override
	public final void handleRequest(InputStream input, OutputStream output, Context lambda) throws IOException {
		byte[] raw = input.readAllBytes();
		String requestId = lambda == null ? null : lambda.getAwsRequestId();
		InvocationContext context = InvocationContext
				.of(CLOUD, requestId, lambda == null ? null : lambda.getFunctionName())
				.with(AwsHeaders.LAMBDA_CONTEXT, lambda);
		MDC.put(AwsHeaders.MDC_REQUEST_ID, context.requestId());
		String traceId = System.getProperty("com.amazonaws.xray.traceid", System.getenv("_X_AMZN_TRACE_ID"));
		if (traceId != null) {
			MDC.put(AwsHeaders.MDC_TRACE_ID, traceId);
		}
		try {
			output.write(respond(raw, context));
		}
		finally {
			MDC.remove(AwsHeaders.MDC_REQUEST_ID);
			MDC.remove(AwsHeaders.MDC_TRACE_ID);
		}
	}

	private byte[] respond(byte[] raw, InvocationContext context) {
		byte[] streamed = shape.handleBytes(raw, runtime, context);
		if (streamed != null) {
			return streamed;
		}
		JsonNode event;
		try {
			event = JsonEvents.parse(raw);
		}
		catch (FunctionFailure notJson) {
			return shape.acceptsNonJson() ? shape.handle(raw, null, runtime, context) : shape.unreadable(notJson);
		}
		return shape.handle(raw, event, runtime, context);
	}
}
