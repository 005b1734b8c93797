package dev.polyfn.gcp;

import io.cloudevents.CloudEvent;

import com.google.cloud.functions.CloudEventsFunction;

import dev.polyfn.core.invoke.FunctionFailure;
import dev.polyfn.core.invoke.FunctionInvoker;
import dev.polyfn.core.invoke.InvocationResult;
import dev.polyfn.core.invoke.ResolvedFunction;
import dev.polyfn.core.model.PortableEvent;
import dev.polyfn.gcp.events.GcpEventPayloads;

/**
 * Entry point for event-triggered functions ({@code --entry-point dev.polyfn.gcp.GcpCloudEventsFunction} with
 * {@code --trigger-topic}, {@code --trigger-bucket} or {@code --trigger-event-filters}). The Functions Framework
 * hands over a CloudEvent (it has already turned binary, structured and legacy background-event requests into
 * one); this class gives it its portable payload ({@link GcpEventPayloads}) and runs the function chosen by
 * {@code SPRING_CLOUD_FUNCTION_DEFINITION}.
 *
 * <p>A CloudEvents function answers with a status only: when the function fails (or rejects the event with a
 * {@code FunctionStatusException}) this throws, the framework answers 500 and Eventarc or Pub/Sub redelivers
 * the event, as Google documents for retried event functions.
 */
public class GcpCloudEventsFunction implements CloudEventsFunction {

	private final FunctionInvoker invoker;
	private final ResolvedFunction function;

	public GcpCloudEventsFunction() {
		this.invoker = GcpInstance.runtime().invoker();
		// Events name no function, so the configured (or only) one runs; resolving it now fails the start if none.
		this.function = GcpInstance.withOwnClassLoader(() -> invoker.resolve(null));
	}

	@Override
	public void accept(CloudEvent cloudEvent) {
		InvocationResult result = GcpInstance.withOwnClassLoader(() -> {
			PortableEvent event;
			try {
				event = GcpEventPayloads.withPayload(toPortable(cloudEvent));
			}
			catch (FunctionFailure unreadable) {
				// e.g. Pub/Sub message.data that is not base64: the event's fault, reported like the function's.
				return InvocationResult.failure(unreadable.error());
			}
			return invoker.invokeEvent(function, event, GcpInstance.context(cloudEvent.getId()));
		});
		if (result.failed()) {
			throw new EventFunctionFailed(function.definition(), cloudEvent, result);
		}
	}

	/** The CloudEvent as it arrived: attributes, extensions and the data bytes. */
	static PortableEvent toPortable(CloudEvent cloudEvent) {
		PortableEvent.Builder event = PortableEvent.builder()
				.id(cloudEvent.getId())
				.source(cloudEvent.getSource() == null ? null : cloudEvent.getSource().toString())
				.type(cloudEvent.getType())
				.subject(cloudEvent.getSubject())
				.time(cloudEvent.getTime())
				.dataContentType(cloudEvent.getDataContentType())
				.data(cloudEvent.getData() == null ? new byte[0] : cloudEvent.getData().toBytes());
		for (String name : cloudEvent.getExtensionNames()) {
			Object value = cloudEvent.getExtension(name);
			event.extension(name, value == null ? null : value.toString());
		}
		return event.build();
	}

	/** Why an event was not processed; the framework logs it and answers 500 so the event is redelivered. */
	static final class EventFunctionFailed extends RuntimeException {

		EventFunctionFailed(String definition, CloudEvent event, InvocationResult result) {
			super("Function '" + definition + "' did not process event " + event.getId() + " (" + event.getType()
					+ "): " + result.status() + " " + result.error().error() + ": " + result.error().message(), null,
					false, false);
		}
	}
}
