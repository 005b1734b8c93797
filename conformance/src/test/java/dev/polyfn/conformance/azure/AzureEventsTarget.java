package dev.polyfn.conformance.azure;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.microsoft.azure.functions.ExecutionContext;

import dev.polyfn.azure.AzureEventFailure;
import dev.polyfn.azure.AzureFunctionRuntime;
import dev.polyfn.azure.BlobTriggerHandler;
import dev.polyfn.azure.QueueTriggerHandler;
import dev.polyfn.azure.TimerTriggerHandler;
import dev.polyfn.conformance.AnswerRecorder;
import dev.polyfn.conformance.SharedRuntime;
import dev.polyfn.conformance.Target;
import dev.polyfn.core.events.JsonEvents;
import dev.polyfn.core.testing.Fixtures;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Azure's blob, timer and storage-queue triggers, as the Java worker calls the handler methods. Each Azure function
 * names the bean it runs ({@code polyfn.deploy.<azure function>.definition}, else the bean of that name). The
 * worker discards what a blob or timer function without an output binding returns, so those two are deployed as
 * {@code <bean>|recordAnswer} and the answer is read from {@link AnswerRecorder}. A queue message is one invocation;
 * a failed one throws, and Azure makes that message alone visible again.
 */
public final class AzureEventsTarget implements Target.Events {

	private static final String BLOB_FUNCTION = "planThumbnailObserved";
	private static final String TIMER_FUNCTION = "cleanupExpiredObserved";

	static {
		// What the packaged application.properties would say for these two Azure functions.
		System.setProperty("polyfn.deploy." + BLOB_FUNCTION + ".definition", "planThumbnail|recordAnswer");
		System.setProperty("polyfn.deploy." + TIMER_FUNCTION + ".definition", "cleanupExpired|recordAnswer");
	}

	@Override
	public String name() {
		return "Azure Blob / Timer / Queue";
	}

	@Override
	public String storageObjectCreated(String bucket, String key, String contentType) {
		// The blob's properties, camelCase as in Event Grid's blob-created data.
		ObjectNode properties = (ObjectNode) JsonEvents.parse(Fixtures.bytes("azure/blob/sdk-java-eventgrid-StorageBlobCreatedEvent.json"))
			.get(0).get("data").deepCopy();
		properties.put("contentType", contentType).put("contentLength", 4);
		AnswerRecorder.clear();
		handler(BlobTriggerHandler.class).run(new byte[] { 1, 2, 3, 4 }, bucket + "/" + key, properties.toString(),
				AzureWorker.context(BLOB_FUNCTION));
		return AnswerRecorder.last();
	}

	@Override
	public String timerFired(String scheduleName) {
		AnswerRecorder.clear();
		handler(TimerTriggerHandler.class).run(Fixtures.text("azure/timer/docs-timer-info-pascalcase.json"),
				AzureWorker.context(TIMER_FUNCTION));
		return AnswerRecorder.last();
	}

	@Override
	public QueueOutcome queueBatch(List<String> bodies) {
		JsonNode metadata = JsonEvents.parse(Fixtures.bytes("azure/queue/docs-custom-handler-queue-invoke-request.json")).get("Metadata");
		Set<Integer> redelivered = new LinkedHashSet<>();
		for (int i = 0; i < bodies.size(); i++) {
			ExecutionContext context = AzureWorker.context("processOrder");
			try {
				handler(QueueTriggerHandler.class).run(bodies.get(i), "msg-" + i, metadata.get("DequeueCount").asLong(),
						metadata.get("InsertionTime").asString(), metadata.get("ExpirationTime").asString(),
						metadata.get("NextVisibleTime").asString(), context);
			}
			catch (AzureEventFailure failed) {
				redelivered.add(i);
			}
		}
		return new QueueOutcome(redelivered, true);
	}

	private static <T> T handler(Class<T> type) {
		return SharedRuntime.entry(null, type, () -> {
			AzureFunctionRuntime.shared().runtime();
			try {
				return type.getConstructor().newInstance();
			}
			catch (ReflectiveOperationException e) {
				throw new IllegalStateException(e);
			}
		});
	}
}
