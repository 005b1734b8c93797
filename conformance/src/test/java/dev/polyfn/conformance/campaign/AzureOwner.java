package dev.polyfn.conformance.campaign;

import dev.polyfn.azure.AzureEventFailure;
import dev.polyfn.azure.AzureFunctionRuntime;
import dev.polyfn.azure.BlobTriggerHandler;
import dev.polyfn.azure.HttpTriggerHandler;
import dev.polyfn.azure.QueueTriggerHandler;
import dev.polyfn.azure.TimerTriggerHandler;
import dev.polyfn.azure.host.FunctionsHost;
import dev.polyfn.azure.host.HostHttpResponse;
import dev.polyfn.azure.host.Invocation;
import dev.polyfn.azure.host.JavaWorker;
import dev.polyfn.conformance.SharedRuntime;
import dev.polyfn.core.model.Headers;

/**
 * Azure: the host builds each invocation and the Java worker binds it before the handler method runs, so a
 * mutation reaches the adapter as what that binding carries, on the host-faithful path ({@link FunctionsHost},
 * {@link JavaWorker}): the HTTP body as the host types it for {@code application/json} (a string), the queue
 * message text with the host's metadata, the timer-info JSON, the blob's bytes with its properties. HTTP must
 * answer with a status; the event triggers must return or throw the documented {@link AzureEventFailure} (the host
 * then retries). A failure inside the worker (a binding the host cannot satisfy) is a defect of polyfn's entry
 * points, reported as such.
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
		String definition = MalformedInputCampaignTest.DEFINITION;
		JavaWorker.Outcome outcome = switch (folder(fixture)) {
			case "http" -> {
				Headers headers = new Headers();
				headers.set("Content-Type", "application/json");
				yield JavaWorker.invoke(handler(HttpTriggerHandler.class), FunctionsHost.httpInvocation(definition,
						"request", FunctionsHost.http("POST", "http://localhost:7071/api/" + definition, headers,
								payload)));
			}
			case "queue" -> JavaWorker.invoke(handler(QueueTriggerHandler.class), queue(definition, payload));
			case "timer" -> JavaWorker.invoke(handler(TimerTriggerHandler.class),
					FunctionsHost.timerInvocation(definition, "timerInfo", text(payload)));
			case "blob" -> JavaWorker.invoke(handler(BlobTriggerHandler.class), FunctionsHost.blobInvocation(definition,
					"content", "https://account.blob.core.windows.net",
					new FunctionsHost.Blob("testcontainer", "file1.txt", payload, "application/json",
							"2026-12-01T10:00:00+00:00")));
			default -> throw new IllegalStateException(fixture);
		};
		if (outcome.failure() instanceof AzureEventFailure documented) {
			return Outcome.documentedFailure(documented, documented.error().status());
		}
		if (outcome.failure() != null) {
			throw new AssertionError((outcome.failedInWorker() ? "failed inside the Java worker: " : "")
					+ outcome.failure(), outcome.failure());
		}
		if (outcome.returned() instanceof HostHttpResponse response) {
			return Outcome.answered(response.getStatusCode());
		}
		return Outcome.returned();
	}

	private static Invocation queue(String definition, byte[] payload) {
		return FunctionsHost.queueInvocation(definition, "message", new FunctionsHost.QueueMessage(text(payload),
				"msg-1", 1, "2019-10-09T17:58:31+00:00", "2019-10-16T17:58:31+00:00", "2019-10-09T18:08:32+00:00",
				"AgAAAAMAAAAAAAAAAgtnj8x+1QE="));
	}

	private static String text(byte[] payload) {
		return new String(payload, java.nio.charset.StandardCharsets.UTF_8);
	}

	private static String folder(String fixture) {
		return fixture.split("/")[1];
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
