package dev.polyfn.openwhisk;

import java.nio.charset.StandardCharsets;

import org.slf4j.LoggerFactory;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import dev.polyfn.core.boot.PolyfnRuntime;
import dev.polyfn.core.events.JsonEvents;
import dev.polyfn.core.invoke.FunctionFailure;
import dev.polyfn.core.invoke.InvocationContext;
import dev.polyfn.core.model.PortableHttpRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The entry the OpenWhisk Java runtime calls: {@code wsk action create NAME app.jar --main }{@value #MAIN}. Its
 * proxy loads the jar in a class loader of its own and calls {@code public static JsonObject main(JsonObject)}
 * with the activation's parameters (apache/openwhisk-runtime-java core/java8/proxy .../JarLoader.java and
 * core/java17/proxy .../Proxy.java, read 2026-12-03); Gson is the proxy's.
 *
 * <p>A web action's parameters carry {@code __ow_method}: it is answered as HTTP ({@link WebActionRequest},
 * {@link WebActionResponse}), the function chosen by {@code spring.cloud.function.definition}, else by
 * {@code __ow_path} ({@code .../app.http/reverse}), else the only one. Any other activation is a plain action
 * ({@link PlainAction}), run by the configured or only function. Gson only crosses the boundary: the parameters
 * are read, and the result written, with function-core's JSON trees.
 */
public final class OpenWhiskAction {

	public static final String MAIN = "dev.polyfn.openwhisk.OpenWhiskAction";

	private OpenWhiskAction() {
	}

	public static JsonObject main(JsonObject args) {
		JsonNode params = JsonEvents.readTree((args == null ? "{}" : args.toString()).getBytes(StandardCharsets.UTF_8));
		PolyfnRuntime runtime = OpenWhiskInstance.runtime();
		InvocationContext context = OpenWhiskInstance.context();
		ObjectNode result = WebActionRequest.isWebAction(params) ? web(params, runtime, context)
				: PlainAction.run(params, runtime.invoker(), context);
		return JsonParser.parseString(new String(JsonEvents.toBytes(result), StandardCharsets.UTF_8)).getAsJsonObject();
	}

	private static ObjectNode web(JsonNode params, PolyfnRuntime runtime, InvocationContext context) {
		PortableHttpRequest request;
		try {
			request = WebActionRequest.from(params, runtime.http().maxBodySize());
		}
		catch (FunctionFailure unreadable) {
			// A logger only now, the runtime started: SLF4J binds once, and polyfn picks the binding at start-up.
			LoggerFactory.getLogger(OpenWhiskAction.class).warn("Web action request refused ({}) [requestId={}]: {}",
					unreadable.error().status(), context.requestId(), unreadable.getMessage());
			return WebActionResponse.toResult(unreadable.error().toHttpResponse());
		}
		return WebActionResponse.toResult(runtime.http().handle(request, context));
	}
}
