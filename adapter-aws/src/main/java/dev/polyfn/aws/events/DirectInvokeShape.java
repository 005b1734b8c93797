package dev.polyfn.aws.events;

import dev.polyfn.aws.LambdaFunctionException;
import dev.polyfn.aws.LambdaShape;
import dev.polyfn.core.boot.PolyfnRuntime;
import dev.polyfn.core.events.JsonEvents;
import dev.polyfn.core.invoke.FunctionInput;
import dev.polyfn.core.invoke.InvocationContext;
import dev.polyfn.core.invoke.InvocationResult;
import dev.polyfn.core.model.MediaTypes;
import tools.jackson.databind.JsonNode;

/**
 * Anything else: {@code aws lambda invoke}, the console's test button, Step Functions, another service's
 * event this adapter does not know. The payload reaches the function byte for byte; never dropped.
 */
public class DirectInvokeShape implements LambdaShape {

	@Override
	public String name() {
		return "direct-invoke";
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
		InvocationResult result = runtime.invoker().invoke((String) null,
				FunctionInput.of(raw, event == null ? null : MediaTypes.JSON), context);
		if (result.failed()) {
			throw new LambdaFunctionException(result.error());
		}
		return JsonEvents.toBytes(EventShape.toJson(result));
	}
}
