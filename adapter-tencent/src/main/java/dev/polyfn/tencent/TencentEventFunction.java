package dev.polyfn.tencent;

import java.util.Base64;
import java.util.Map;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.qcloud.scf.runtime.Context;

import dev.polyfn.core.boot.PolyfnRuntime;
import dev.polyfn.core.events.JsonEvents;
import dev.polyfn.core.invoke.BatchOutcome;
import dev.polyfn.core.invoke.FunctionFailure;
import dev.polyfn.core.invoke.FunctionInput;
import dev.polyfn.core.invoke.FunctionInvoker;
import dev.polyfn.core.invoke.InvocationContext;
import dev.polyfn.core.invoke.InvocationResult;
import dev.polyfn.core.invoke.ResolvedFunction;
import dev.polyfn.core.model.MediaTypes;
import dev.polyfn.tencent.events.EventShape;
import dev.polyfn.tencent.events.NormalisedEvent;
import dev.polyfn.tencent.events.NormalisedEvent.EventBatch;
import dev.polyfn.tencent.events.ScfEventTable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;

/**
 * The SCF event-function entry; handler string {@value #HANDLER}. SCF's own Java runtimes are Java 8 and 11,
 * too old for Spring Boot 4, so the package runs it on the Custom Runtime: {@link ScfCustomRuntime} (started by
 * the ZIP's {@code bootstrap} on the bundled JRE) binds each event to a map and calls {@link #handle}. The
 * signature stays the one SCF's Java runtime calls, should SCF ever offer Java 17+.
 * <p>
 * That runtime binds the event JSON to the declared parameter type with its own JSON binder; it documents Java
 * base types and POJOs, and no stream handler. A {@code String} parameter only receives string events and a
 * fixed POJO drops every field it does not declare, so the entry declares {@code Map<String, Object>}: every
 * binder turns any JSON object into a map, so every trigger's event arrives whole. The event is then matched
 * against {@link ScfEventTable} and dispatched: HTTP requests are answered in API Gateway's response shape,
 * trigger records go through the batch pipeline (any failed record fails the invocation, naming the records, so
 * SCF retries), and any other JSON reaches the function as it is.
 */
public class TencentEventFunction {

	public static final String HANDLER = "dev.polyfn.tencent.TencentEventFunction::handle";

	static final String CLOUD = "tencent";

	private static final Logger log = LoggerFactory.getLogger(TencentEventFunction.class);

	// Read once per process from the packaged application.properties; cheap and cannot fail the class.
	private static final TriggerRoutes ROUTES = TriggerRoutes.fromClassPath(TencentEventFunction.class.getClassLoader());

	public String handle(Map<String, Object> event, Context context) {
		PolyfnRuntime runtime = PolyfnRuntime.shared(CLOUD);
		InvocationContext invocation = invocationContext(context);
		JsonNode json = JsonEvents.mapper().valueToTree(event == null ? Map.of() : event);
		EventShape shape = ScfEventTable.shapeOf(json);
		if (shape == null) {
			return runRaw(runtime.invoker(), JsonEvents.toBytes(json), invocation);
		}
		log.debug("SCF {} event [requestId={}]", shape.name(), invocation.requestId());
		NormalisedEvent normalised;
		try {
			normalised = shape.normalise(json);
		}
		catch (FunctionFailure unreadable) {
			if (shape.answersHttp()) {
				return ScfHttpResponses.toJson(unreadable.error().toHttpResponse());
			}
			throw new ScfInvocationFailure("The " + shape.name() + " event could not be read: " + unreadable.getMessage());
		}
		if (normalised instanceof NormalisedEvent.HttpRequest http) {
			return ScfHttpResponses.toJson(runtime.http().handle(http.request(), invocation));
		}
		return runBatch(runtime.invoker(), (EventBatch) normalised, invocation);
	}

	private static InvocationContext invocationContext(Context context) {
		InvocationContext invocation = InvocationContext.of(CLOUD, context == null ? null : context.getRequestId(),
				System.getenv("SCF_FUNCTIONNAME"));
		return context == null ? invocation
				: invocation.with("scf-context", context).with("scf-time-limit-ms", context.getTimeLimitInMs());
	}

	private static String runBatch(FunctionInvoker invoker, EventBatch batch, InvocationContext invocation) {
		String definition = invoker.isConfigured() ? null : ROUTES.definitionFor(batch);
		ResolvedFunction function;
		try {
			function = invoker.resolve(definition);
		}
		catch (FunctionFailure unknown) {
			throw new ScfInvocationFailure("No function for this " + batch.label() + " from '" + batch.source() + "': "
					+ unknown.getMessage());
		}
		BatchOutcome outcome = invoker.invokeBatch(function, batch.events(), invocation);
		if (!outcome.allSucceeded()) {
			throw new ScfInvocationFailure(failures(function.definition(), batch, outcome));
		}
		if (outcome.items().size() == 1) {
			return text(outcome.items().get(0).result());
		}
		ArrayNode results = JsonEvents.array();
		for (BatchOutcome.Item item : outcome.items()) {
			InvocationResult result = item.result();
			if (MediaTypes.isJson(result.contentType()) && result.body().length > 0) {
				results.add(JsonEvents.parse(result.body()));
			}
			else {
				results.add(text(result));
			}
		}
		return JsonEvents.mapper().writeValueAsString(results);
	}

	private static String failures(String definition, EventBatch batch, BatchOutcome outcome) {
		String details = outcome.items().stream().filter(BatchOutcome.Item::failed)
				.map(item -> item.eventId() + " (" + item.result().status() + " " + item.result().error().error() + ": "
						+ item.result().error().message() + ")")
				.collect(Collectors.joining("; "));
		return "Function '" + definition + "' failed for " + outcome.failedEventIds().size() + " of "
				+ outcome.items().size() + " " + batch.label() + (outcome.items().size() == 1 ? "" : "s") + ": " + details
				+ ". SCF retries the invocation.";
	}

	private static String runRaw(FunctionInvoker invoker, byte[] json, InvocationContext invocation) {
		InvocationResult result = invoker.invoke((String) null, FunctionInput.of(json, "application/json"), invocation);
		if (result.failed()) {
			throw new ScfInvocationFailure(result.error().toJson());
		}
		return text(result);
	}

	/** Text results as they are; binary ones base64-encoded, since SCF returns a string. */
	private static String text(InvocationResult result) {
		if (result.body().length == 0) {
			return "";
		}
		return MediaTypes.isText(result.contentType()) ? result.bodyAsString()
				: Base64.getEncoder().encodeToString(result.body());
	}
}
