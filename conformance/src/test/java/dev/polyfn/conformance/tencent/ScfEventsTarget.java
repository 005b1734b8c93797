package dev.polyfn.conformance.tencent;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import dev.polyfn.conformance.Target;
import dev.polyfn.core.events.JsonEvents;
import dev.polyfn.core.testing.Fixtures;
import dev.polyfn.tencent.ScfInvocationFailure;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * SCF event triggers on the app's one event function, routed as the generated serverless.yml deploys them: a timer
 * trigger named after its function, a CMQ topic named by the source; the COS case on a function configured for
 * {@code planThumbnail}. A CMQ batch fails as a whole: SCF retries the invocation, so every message comes again.
 */
public final class ScfEventsTarget implements Target.Events {

	@Override
	public String name() {
		return "Tencent COS / Timer / CMQ";
	}

	@Override
	public String storageObjectCreated(String bucket, String key, String contentType) {
		ObjectNode event = (ObjectNode) JsonEvents.parse(Fixtures.bytes("tencent/cos/scfcli-generate-event-cos-put.json"));
		ObjectNode cos = (ObjectNode) event.get("Records").get(0).get("cos");
		String appId = cos.get("cosBucket").get("appid").asString();
		((ObjectNode) cos.get("cosBucket")).put("name", bucket);
		ObjectNode object = (ObjectNode) cos.get("cosObject");
		object.put("key", "/" + appId + "/" + bucket + "/" + URLEncoder.encode(key, StandardCharsets.UTF_8).replace("+", "%20")
				.replace("%2F", "/"));
		((ObjectNode) object.get("meta")).put("Content-Type", contentType);
		// The examples' COS trigger now runs storeThumbnail, which needs a bucket; the case is planThumbnail's, on a
		// function deployed for it alone (SPRING_CLOUD_FUNCTION_DEFINITION), as the other targets deploy it
		return Scf.handler("planThumbnail").handle(Scf.bind(event), Scf.context());
	}

	/** The trigger is named after its function, which is how SCF routes it; the schedule's own name is not sent. */
	@Override
	public String timerFired(String scheduleName) {
		ObjectNode event = (ObjectNode) JsonEvents.parse(Fixtures.bytes("tencent/timer/docs-timer-event.json"));
		event.put("TriggerName", "cleanupExpired").put("Message", scheduleName);
		return Scf.invoke(event);
	}

	@Override
	public QueueOutcome queueBatch(List<String> bodies) {
		ObjectNode event = (ObjectNode) JsonEvents.parse(Fixtures.bytes("tencent/cmq/docs-cmq-topic-event.json"));
		ArrayNode records = (ArrayNode) event.get("Records");
		JsonNode template = records.get(0);
		records.removeAll();
		for (int i = 0; i < bodies.size(); i++) {
			ObjectNode record = (ObjectNode) template.deepCopy();
			((ObjectNode) record.get("CMQ")).put("topicName", "orders").put("msgId", "msg-" + i).put("msgBody", bodies.get(i));
			records.add(record);
		}
		Set<Integer> redelivered = new LinkedHashSet<>();
		try {
			Scf.invoke(event);
		}
		catch (ScfInvocationFailure failed) {
			IntStream.range(0, bodies.size()).forEach(redelivered::add);
		}
		return new QueueOutcome(redelivered, false);
	}
}
