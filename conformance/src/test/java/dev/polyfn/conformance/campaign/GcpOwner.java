package dev.polyfn.conformance.campaign;

import java.nio.charset.StandardCharsets;

import dev.polyfn.conformance.SharedRuntime;
import dev.polyfn.conformance.gcp.FrameworkHttp;
import dev.polyfn.core.events.JsonEvents;
import dev.polyfn.core.model.Headers;
import dev.polyfn.gcp.GcpHttpFunction;

/**
 * GCP: every fixture goes over the HTTP entry point ({@code GcpHttpFunction.service}), which is where a malformed
 * request can arrive: the Functions Framework decodes CloudEvents itself before it calls a CloudEvents function, so
 * a mutated structured event never reaches {@code GcpCloudEventsFunction}. CloudEvent inputs travel in structured
 * mode ({@code application/cloudevents+json}), the {@code cloudevents-binary-data-*} payloads in binary mode
 * ({@code ce-*} headers), everything else (legacy background events, expected outputs) as a JSON body. The answer
 * must be an HTTP status, and an error must come with a JSON error body.
 */
final class GcpOwner implements FixtureOwner {

	@Override
	public String entryPoint(String fixture) {
		return "GcpHttpFunction.service (" + mode(fixture) + ")";
	}

	@Override
	public Outcome deliver(String fixture, byte[] payload) throws Exception {
		Headers headers = new Headers();
		switch (mode(fixture)) {
			case "structured" -> headers.set("Content-Type", "application/cloudevents+json");
			case "binary" -> headers.set("Content-Type", "application/json")
				.set("ce-specversion", "1.0")
				.set("ce-id", "campaign-1")
				.set("ce-source", "//campaign")
				.set("ce-type", fixture.contains("Storage") ? "google.cloud.storage.object.v1.finalized"
						: "google.cloud.pubsub.topic.v1.messagePublished");
			default -> headers.set("Content-Type", "application/json");
		}
		GcpHttpFunction function = SharedRuntime.entry(MalformedInputCampaignTest.DEFINITION, GcpHttpFunction.class,
				GcpHttpFunction::new);
		FrameworkHttp.Response response = new FrameworkHttp.Response();
		function.service(new FrameworkHttp.Request("POST", "/", null, headers, payload), response);
		if (response.status >= 400) {
			byte[] body = response.body.toByteArray();
			if (!new String(body, StandardCharsets.UTF_8).contains("\"error\"")) {
				throw new AssertionError("error " + response.status + " without the JSON error body");
			}
			JsonEvents.parse(body);
		}
		return Outcome.answered(response.status);
	}

	private static String mode(String fixture) {
		if (fixture.contains("cloudevents-binary-data")) {
			return "binary";
		}
		return fixture.contains("cloudevent-input") || fixture.contains("cloudevents-structured") ? "structured" : "json body";
	}
}
