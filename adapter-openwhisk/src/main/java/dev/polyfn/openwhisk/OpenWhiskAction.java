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
 * The entry the OpenWhisk Java runtime calls: {@code wsk action create NAME app.jar --main }{@value #MAIN}. The
 * runtime loads the jar and calls {@code public static JsonObject main(JsonObject)} with the activation's
 * parameters: a class name for {@code --main} means its {@code main}, {@code class#method} another method of that
 * signature (apache/openwhisk-runtime-java core/java8/proxy .../JarLoader.java, core/java17/proxy .../Proxy.java,
 * core/java17actionloop/lib/src/Launcher.java; README.md "Quick Java Action"; read 2026-12-06).
 *
 * <p>Which function runs: the action parameter {@value #DEFINITION_PARAMETER} ({@code wsk action create ...
 * --param SPRING_CLOUD_FUNCTION_DEFINITION reverse}, what polyfn's packaging writes), else
 * {@code spring.cloud.function.definition}, else, for a web action, {@code __ow_path}
 * ({@code .../app.http/reverse}), else the only function. A parameter, not an environment variable: an action has
 * no environment of its own, and the runtime's copy of the activation fields into {@code System.getenv()} fails on
 * Java 16+ (see {@link OpenWhiskInstance}). A web action's parameters are final ({@code --web} sets the
 * {@code final} annotation), so a caller's query or body cannot replace it. A configurable {@code --main}: a class
 * of the application's with {@code public static JsonObject reverse(JsonObject args) { return
 * OpenWhiskAction.invoke("reverse", args); }} and {@code --main com.example.Actions#reverse}.
 *
 * <p>A web action's parameters carry {@code __ow_method}: it is answered as HTTP ({@link WebActionRequest},
 * {@link WebActionResponse}); any other activation is a plain action ({@link PlainAction}). Gson only crosses the
 * boundary: the parameters are read, and the result written, with function-core's JSON trees.
 */
public final class OpenWhiskAction {

	public static final String MAIN = "dev.polyfn.openwhisk.OpenWhiskAction";

	/** The action parameter naming the function (or composition) the action runs. */
	public static final String DEFINITION_PARAMETER = "SPRING_CLOUD_FUNCTION_DEFINITION";

	private OpenWhiskAction() {
	}

	public static JsonObject main(JsonObject args) {
		return invoke(null, args);
	}

	/**
	 * Runs {@code definition} (null: the {@value #DEFINITION_PARAMETER} parameter, the configured or the routed
	 * function) on one activation's parameters: the body of an application's own {@code --main} method.
	 */
	public static JsonObject invoke(String definition, JsonObject args) {
		JsonNode params = JsonEvents.readTree((args == null ? "{}" : args.toString()).getBytes(StandardCharsets.UTF_8));
		String chosen = definition != null ? definition : JsonEvents.text(params, DEFINITION_PARAMETER);
		PolyfnRuntime runtime = OpenWhiskInstance.runtime();
		InvocationContext context = OpenWhiskInstance.context();
		ObjectNode result = WebActionRequest.isWebAction(params) ? web(params, chosen, runtime, context)
				: PlainAction.run(params, chosen, runtime.invoker(), context);
		return JsonParser.parseString(new String(JsonEvents.toBytes(result), StandardCharsets.UTF_8)).getAsJsonObject();
	}

	private static ObjectNode web(JsonNode params, String definition, PolyfnRuntime runtime, InvocationContext context) {
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
		// No definition: the configured one answers every path, else __ow_path names the function (as on the
		// clouds' HTTP triggers); a definition from the parameter or the entry method answers every path.
		return WebActionResponse.toResult(definition == null || definition.isBlank()
				? runtime.http().handle(request, context) : runtime.http().handle(request, definition, context));
	}
}
