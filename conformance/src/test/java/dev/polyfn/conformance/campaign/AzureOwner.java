package dev.polyfn.conformance.campaign;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.HttpMethod;
import com.microsoft.azure.functions.HttpRequestMessage;
import com.microsoft.azure.functions.HttpResponseMessage;

import dev.polyfn.azure.AzureEventFailure;
import dev.polyfn.azure.AzureFunctionRuntime;
import dev.polyfn.azure.BlobTriggerHandler;
import dev.polyfn.azure.HttpTriggerHandler;
import dev.polyfn.azure.QueueTriggerHandler;
import dev.polyfn.azure.TimerTriggerHandler;
import dev.polyfn.conformance.SharedRuntime;
import dev.polyfn.conformance.azure.AzureWorker;

/**
 * Azure: the Java worker binds a trigger's payload before it calls the handler method, so a mutation reaches the
 * adapter as what that binding carries: the HTTP body ({@code azure/http}), the queue message text
 * ({@code azure/queue}), the timer-info JSON ({@code azure/timer}), the blob's bytes and its properties JSON
 * ({@code azure/blob}). HTTP must answer an {@link HttpResponseMessage} with a status; the event triggers must
 * return or throw the documented {@link AzureEventFailure} (the host then retries).
 */
final class AzureOwner implements FixtureOwner {

	@Override
	public String entryPoint(String fixture) {
		return switch (folder(fixture)) {
			case "http" -> "HttpTriggerHandler.run";
			case "queue" -> "QueueTriggerHandler.run";
			case "timer" -> "TimerTriggerHandler.run";
			case "blob" -> "BlobTriggerHandler.run";
			default -> throw new IllegalStateException("No Azure handler owns " + fixture);
		};
	}

	@Override
	public Outcome deliver(String fixture, byte[] payload) {
		String text = new String(payload, StandardCharsets.UTF_8);
		ExecutionContext context = context();
		try {
			switch (folder(fixture)) {
				case "http" -> {
					HttpResponseMessage response = handler(HttpTriggerHandler.class).run(request(payload), context);
					if (response == null || response.getStatus() == null) {
						throw new AssertionError("no HTTP response");
					}
					return Outcome.answered(response.getStatusCode());
				}
				case "queue" -> handler(QueueTriggerHandler.class).run(text, "msg-1", 1, "2019-10-09T17:58:31+00:00",
						"2019-10-16T17:58:31+00:00", "2019-10-09T18:08:32+00:00", context);
				case "timer" -> handler(TimerTriggerHandler.class).run(text, context);
				case "blob" -> handler(BlobTriggerHandler.class).run(payload, "testcontainer/file1.txt", text, context);
				default -> throw new IllegalStateException(fixture);
			}
			return Outcome.returned();
		}
		catch (AzureEventFailure documented) {
			return Outcome.documentedFailure(documented, documented.error().status());
		}
	}

	private static String folder(String fixture) {
		return fixture.split("/")[1];
	}

	private static ExecutionContext context() {
		return AzureWorker.context(MalformedInputCampaignTest.DEFINITION);
	}

	@SuppressWarnings("unchecked")
	private static HttpRequestMessage<Optional<byte[]>> request(byte[] body) {
		HttpRequestMessage<Optional<byte[]>> request = mock(HttpRequestMessage.class);
		when(request.getHttpMethod()).thenReturn(HttpMethod.POST);
		when(request.getUri()).thenReturn(URI.create("http://localhost:7071/api/" + MalformedInputCampaignTest.DEFINITION));
		when(request.getHeaders()).thenReturn(Map.of("Content-Type", "application/json"));
		when(request.getQueryParameters()).thenReturn(Map.of());
		when(request.getBody()).thenReturn(Optional.of(body));
		AzureWorker.answersWithBuilder(request);
		return request;
	}

	private static <T> T handler(Class<T> type) {
		return SharedRuntime.entry(MalformedInputCampaignTest.DEFINITION, type, () -> {
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
