package dev.polyfn.aws.events;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.polyfn.aws.LambdaFunctionException;
import dev.polyfn.aws.LambdaShape;
import dev.polyfn.core.boot.PolyfnRuntime;
import dev.polyfn.core.events.JsonEvents;
import dev.polyfn.core.invoke.BatchOutcome;
import dev.polyfn.core.invoke.FunctionFailure;
import dev.polyfn.core.invoke.InvocationContext;
import dev.polyfn.core.invoke.InvocationResult;
import dev.polyfn.core.invoke.ResolvedFunction;
import dev.polyfn.core.model.MediaTypes;
import dev.polyfn.core.model.PortableEvent;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;

/**
 * An event trigger: the payload becomes portable events, the configured function runs on each (or on the
 * whole batch when it takes a collection), and a failure fails the invocation so that Lambda retries it
 * and nothing is lost. On success Lambda gets the function's result (an array of them for several records).
 */
public abstract class EventShape implements LambdaShape {

	/** The portable events of one invocation; a malformed event fails with a 400 {@link FunctionFailure}. */
	public abstract List<PortableEvent> toEvents(JsonNode event);

	@Override
	public byte[] handle(byte[] raw, JsonNode event, PolyfnRuntime runtime, InvocationContext context) {
		try {
			List<PortableEvent> events = toEvents(event);
			ResolvedFunction function = runtime.invoker().resolve(null);
			return respond(runtime.invoker().invokeBatch(function, events, context));
		}
		catch (FunctionFailure unusable) {
			throw new LambdaFunctionException(unusable.error());
		}
	}

	/** Lambda's answer for a batch: any failure fails the whole invocation, so Lambda retries the batch. */
	protected byte[] respond(BatchOutcome outcome) {
		if (!outcome.allSucceeded()) {
			BatchOutcome.Item first = outcome.items().stream().filter(BatchOutcome.Item::failed).findFirst().orElseThrow();
			// Naming the failed records only helps when there were several.
			throw new LambdaFunctionException(first.result().error(),
					outcome.items().size() > 1 ? outcome.failedEventIds() : List.of());
		}
		return resultPayload(outcome);
	}

	/**
	 * The function's result as Lambda's response payload: JSON as it is, text as a JSON string, other bytes as
	 * a base64 string, nothing as {@code null}; several results (one per record) as an array.
	 */
	static byte[] resultPayload(BatchOutcome outcome) {
		// A function taking the whole batch has one result shared by every item.
		Set<InvocationResult> results = new LinkedHashSet<>();
		outcome.items().forEach(item -> results.add(item.result()));
		if (results.size() == 1) {
			return JsonEvents.toBytes(toJson(results.iterator().next()));
		}
		ArrayNode array = JsonEvents.array();
		results.forEach(result -> array.add(toJson(result)));
		return JsonEvents.toBytes(array);
	}

	static JsonNode toJson(InvocationResult result) {
		if (result.body().length == 0) {
			return JsonEvents.nodes().nullNode();
		}
		if (MediaTypes.isJson(result.contentType())) {
			try {
				return JsonEvents.parse(result.body());
			}
			catch (FunctionFailure notJsonAfterAll) {
				return JsonEvents.nodes().stringNode(result.bodyAsString());
			}
		}
		if (MediaTypes.isText(result.contentType())) {
			return JsonEvents.nodes().stringNode(result.bodyAsString());
		}
		return JsonEvents.nodes().stringNode(java.util.Base64.getEncoder().encodeToString(result.body()));
	}

	/** The elements of the event's {@code Records} array (empty when there is none). */
	protected static List<JsonNode> records(JsonNode event) {
		List<JsonNode> records = new ArrayList<>();
		JsonNode array = JsonEvents.at(event, "Records");
		if (array != null && array.isArray()) {
			array.forEach(records::add);
		}
		return records;
	}

	/** Whether the first record's source field (its name varies by service) has the given value. */
	protected static boolean firstRecordFrom(JsonNode event, String field, String source) {
		List<JsonNode> records = records(event);
		return !records.isEmpty() && source.equals(JsonEvents.text(records.get(0), field));
	}

	/** The last part of an ARN: the queue, topic or table name. */
	protected static String resourceName(String arn) {
		if (arn == null) {
			return null;
		}
		String name = arn.substring(arn.lastIndexOf(':') + 1);
		return name.contains("/") ? name.substring(name.indexOf('/') + 1) : name;
	}
}
