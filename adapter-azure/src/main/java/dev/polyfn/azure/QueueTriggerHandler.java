package dev.polyfn.azure;

import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.annotation.BindingName;
import com.microsoft.azure.functions.annotation.FunctionName;
import com.microsoft.azure.functions.annotation.QueueTrigger;

import dev.polyfn.azure.events.StorageQueueMessages;
import dev.polyfn.core.invoke.FunctionFailure;
import dev.polyfn.core.model.PortableEvent;

/**
 * Storage queue trigger: one message per invocation, with its dequeue count as the {@code QueueMessage}'s
 * attempt. A failed function throws, so Azure makes the message visible again and, after
 * {@code maxDequeueCount} attempts (5 unless host.json says otherwise), moves it to {@code <queue>-poison}.
 *
 * <p>Only the trigger metadata that every dequeued message has is bound by name: the Java worker fails an
 * invocation whose {@code @BindingName} key the host did not send, and the host leaves out null values. Of the
 * Storage Queues extension's binding data (QueueTrigger, DequeueCount, ExpirationTime, Id, InsertionTime,
 * NextVisibleTime, PopReceipt), {@code DequeueCount} is a non-nullable {@code long} and {@code Id} the message id
 * the service returns with every message; the three time stamps are {@code DateTimeOffset?} in the SDK's
 * {@code QueueMessage} and so are not declared.
 *
 * <p>The packager writes one function.json per queue function with its queue name
 * ({@code polyfn.deploy.<name>.source}); the annotation values are the generic function's, resolved from the
 * app settings {@code POLYFN_QUEUE} and {@code AzureWebJobsStorage}.
 */
public class QueueTriggerHandler {

	private final AzureFunctionRuntime functions;

	public QueueTriggerHandler() {
		this(AzureFunctionRuntime.shared());
	}

	public QueueTriggerHandler(AzureFunctionRuntime functions) {
		this.functions = functions;
	}

	@FunctionName("polyfn-queue")
	public void run(
			@QueueTrigger(name = "message", queueName = "%POLYFN_QUEUE%", connection = "AzureWebJobsStorage")
			String message,
			@BindingName("Id") String id,
			@BindingName("DequeueCount") long dequeueCount,
			ExecutionContext context) {
		PortableEvent event;
		try {
			event = StorageQueueMessages.toEvent(message,
					new StorageQueueMessages.Metadata(id, dequeueCount, null, null, null),
					functions.deploySetting(context.getFunctionName(), "source"));
		}
		catch (FunctionFailure unreadable) {
			throw AzureFunctionRuntime.failed(context, unreadable.error());
		}
		functions.runEvent(event, context);
	}
}
