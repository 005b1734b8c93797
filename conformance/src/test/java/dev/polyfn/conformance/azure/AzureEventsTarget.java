package dev.polyfn.conformance.azure;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.polyfn.azure.AzureEventFailure;
import dev.polyfn.azure.AzureFunctionRuntime;
import dev.polyfn.azure.BlobTriggerHandler;
import dev.polyfn.azure.QueueTriggerHandler;
import dev.polyfn.azure.TimerTriggerHandler;
import dev.polyfn.azure.host.FunctionsHost;
import dev.polyfn.azure.host.Invocation;
import dev.polyfn.azure.host.JavaWorker;
import dev.polyfn.conformance.AnswerRecorder;
import dev.polyfn.conformance.SharedRuntime;
import dev.polyfn.conformance.Target;
import dev.polyfn.core.events.JsonEvents;
import dev.polyfn.core.testing.Fixtures;
import tools.jackson.databind.JsonNode;

/**
 * Azure's blob, timer and storage-queue triggers on the host-faithful path: {@link FunctionsHost} builds each
 * invocation with the trigger metadata the host sends (keys and value types of the Storage extensions' binding
 * data) and {@link JavaWorker} binds it as the Java worker does. Each Azure function names the bean it runs
 * ({@code polyfn.deploy.<azure function>.definition}, else the bean of that name). The worker discards what a
 * blob or timer function without an output binding returns, so those two are deployed as
 * {@code <bean>|recordAnswer} and the answer is read from {@link AnswerRecorder}. A queue message is one
 * invocation; a failed one throws, and Azure makes that message alone visible again.
 */
public final class AzureEventsTarget implements Target.Events {

	private static final String BLOB_FUNCTION = "planThumbnailObserved";
	private static final String TIMER_FUNCTION = "cleanupExpiredObserved";
	private static final String QUEUE_METADATA = "azure/queue/docs-custom-handler-queue-invoke-request.json";

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
		AnswerRecorder.clear();
		succeeded(JavaWorker.invoke(handler(BlobTriggerHandler.class), FunctionsHost.blobInvocation(BLOB_FUNCTION,
				"content", "https://conformance.blob.core.windows.net", new FunctionsHost.Blob(bucket, key,
						new byte[] { 1, 2, 3, 4 }, contentType, "2026-12-01T10:00:00+00:00"))));
		return AnswerRecorder.last();
	}

	@Override
	public String timerFired(String scheduleName) {
		AnswerRecorder.clear();
		succeeded(JavaWorker.invoke(handler(TimerTriggerHandler.class), FunctionsHost.timerInvocation(TIMER_FUNCTION,
				"timerInfo", Fixtures.text("azure/timer/docs-timer-info-pascalcase.json"))));
		return AnswerRecorder.last();
	}

	@Override
	public QueueOutcome queueBatch(List<String> bodies) {
		Set<Integer> redelivered = new LinkedHashSet<>();
		for (int i = 0; i < bodies.size(); i++) {
			JavaWorker.Outcome outcome = JavaWorker.invoke(handler(QueueTriggerHandler.class),
					queueMessage("processOrder", bodies.get(i), "msg-" + i));
			if (outcome.failure() instanceof AzureEventFailure) {
				redelivered.add(i);
			}
			else {
				succeeded(outcome);
			}
		}
		return new QueueOutcome(redelivered, true);
	}

	/** The docs' queue metadata (dequeue count, time stamps, pop receipt) around one message. */
	static Invocation queueMessage(String functionName, String text, String id) {
		JsonNode metadata = JsonEvents.parse(Fixtures.bytes(QUEUE_METADATA)).get("Metadata");
		return FunctionsHost.queueInvocation(functionName, "message", new FunctionsHost.QueueMessage(text, id,
				metadata.get("DequeueCount").asLong(), metadata.get("InsertionTime").asString(),
				metadata.get("ExpirationTime").asString(), metadata.get("NextVisibleTime").asString(),
				metadata.get("PopReceipt").asString()));
	}

	private static void succeeded(JavaWorker.Outcome outcome) {
		if (outcome.failure() != null) {
			throw new AssertionError("the invocation failed" + (outcome.failedInWorker() ? " inside the Java worker" : "")
					+ ": " + outcome.failure(), outcome.failure());
		}
	}

	static <T> T handler(Class<T> type) {
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
