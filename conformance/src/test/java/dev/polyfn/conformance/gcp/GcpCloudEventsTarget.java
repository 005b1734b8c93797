package dev.polyfn.conformance.gcp;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;

import dev.polyfn.conformance.AnswerRecorder;
import dev.polyfn.conformance.SharedRuntime;
import dev.polyfn.conformance.Target;
import dev.polyfn.core.events.JsonEvents;
import dev.polyfn.core.testing.Fixtures;
import dev.polyfn.gcp.GcpCloudEventsFunction;
import dev.polyfn.gcp.events.GcpEventPayloads;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Cloud Functions event triggers ({@code --entry-point dev.polyfn.gcp.GcpCloudEventsFunction}), called as the
 * Functions Framework calls them: {@code accept(CloudEvent)}, built from the conformance fixtures (structured
 * CloudEvents). Storage is a Cloud Storage {@code finalized} event, the timer a Cloud Scheduler message on Pub/Sub
 * (with the {@code polyfn-schedule} attribute the generated jobs set), the queue one Pub/Sub push per message. A
 * CloudEvents function answers with a status only, so storage and timer are deployed as
 * {@code <bean>|recordAnswer}; a failed message throws and only that message is redelivered.
 */
public final class GcpCloudEventsTarget implements Target.Events {

	@Override
	public String name() {
		return "GCP CloudEvents (Storage / Scheduler / Pub/Sub)";
	}

	@Override
	public String storageObjectCreated(String bucket, String key, String contentType) {
		ObjectNode event = fixture("gcp/storage/conformance-storage-cloudevent-input.json");
		event.put("source", "//storage.googleapis.com/projects/_/buckets/" + bucket).put("subject", "objects/" + key);
		((ObjectNode) event.get("data")).put("bucket", bucket).put("name", key).put("contentType", contentType);
		AnswerRecorder.clear();
		function("planThumbnail|recordAnswer").accept(cloudEvent(event));
		return AnswerRecorder.last();
	}

	@Override
	public String timerFired(String scheduleName) {
		ObjectNode event = fixture("gcp/pubsub/conformance-pubsub_text-cloudevent-input.json");
		ObjectNode message = (ObjectNode) event.get("data").get("message");
		message.putObject("attributes").put(GcpEventPayloads.SCHEDULE_ATTRIBUTE, scheduleName);
		message.put("data", "");
		AnswerRecorder.clear();
		function("cleanupExpired|recordAnswer").accept(cloudEvent(event));
		return AnswerRecorder.last();
	}

	@Override
	public QueueOutcome queueBatch(List<String> bodies) {
		Set<Integer> redelivered = new LinkedHashSet<>();
		for (int i = 0; i < bodies.size(); i++) {
			ObjectNode event = fixture("gcp/pubsub/conformance-pubsub_text-cloudevent-input.json");
			event.put("id", "msg-" + i);
			ObjectNode message = (ObjectNode) event.get("data").get("message");
			message.put("messageId", "msg-" + i);
			message.put("data", Base64.getEncoder().encodeToString(bodies.get(i).getBytes(StandardCharsets.UTF_8)));
			try {
				function("processOrder").accept(cloudEvent(event));
			}
			catch (RuntimeException failed) {
				// The framework answers 500 and Pub/Sub redelivers this message.
				redelivered.add(i);
			}
		}
		return new QueueOutcome(redelivered, true);
	}

	private static GcpCloudEventsFunction function(String definition) {
		return SharedRuntime.entry(definition, GcpCloudEventsFunction.class, GcpCloudEventsFunction::new);
	}

	private static ObjectNode fixture(String path) {
		return (ObjectNode) JsonEvents.parse(Fixtures.bytes(path));
	}

	/** A structured CloudEvent as the framework decodes it: attributes, and the data member as JSON bytes. */
	static CloudEvent cloudEvent(JsonNode structured) {
		CloudEventBuilder builder = CloudEventBuilder.v1()
				.withId(JsonEvents.text(structured, "id"))
				.withSource(URI.create(JsonEvents.text(structured, "source")))
				.withType(JsonEvents.text(structured, "type"));
		if (structured.hasNonNull("subject")) {
			builder.withSubject(JsonEvents.text(structured, "subject"));
		}
		if (structured.hasNonNull("time")) {
			builder.withTime(OffsetDateTime.parse(JsonEvents.text(structured, "time")));
		}
		if (structured.hasNonNull("data")) {
			builder.withData(JsonEvents.text(structured, "datacontenttype"), JsonEvents.toBytes(structured.get("data")));
		}
		return builder.build();
	}
}
