package dev.polyfn.conformance.aliyun;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.polyfn.conformance.Target;
import dev.polyfn.core.events.JsonEvents;
import dev.polyfn.core.testing.Fixtures;
import tools.jackson.databind.node.ObjectNode;

/**
 * FC 3.0 event triggers on {@code POST /invoke}, each on an instance deployed with its function: OSS for storage,
 * the timer trigger, and MNS topic messages (one message per invocation; a failure answers {@code x-fc-status: 404}
 * and FC retries that message). The function's result is the answer's body.
 */
public final class FcEventsTarget implements Target.Events {

	@Override
	public String name() {
		return "Alibaba FC OSS / Timer / MNS (/invoke)";
	}

	@Override
	public String storageObjectCreated(String bucket, String key, String contentType) throws Exception {
		ObjectNode event = (ObjectNode) JsonEvents.parse(Fixtures.bytes("aliyun/oss/devsapp-fc3-event-template-oss.json"));
		ObjectNode oss = (ObjectNode) event.get("events").get(0).get("oss");
		((ObjectNode) oss.get("bucket")).put("name", bucket);
		// OSS writes the key URL-encoded.
		((ObjectNode) oss.get("object")).put("key", URLEncoder.encode(key, StandardCharsets.UTF_8)
				.replace("+", "%20").replace("%2F", "/"));
		return succeeded(FcServer.invoke("planThumbnail", JsonEvents.toBytes(event)));
	}

	@Override
	public String timerFired(String scheduleName) throws Exception {
		ObjectNode event = (ObjectNode) JsonEvents.parse(Fixtures.bytes("aliyun/timer/docs-timer-trigger-event.json"));
		event.put("triggerName", scheduleName);
		return succeeded(FcServer.invoke("cleanupExpired", JsonEvents.toBytes(event)));
	}

	@Override
	public QueueOutcome queueBatch(List<String> bodies) throws Exception {
		Set<Integer> redelivered = new LinkedHashSet<>();
		for (int i = 0; i < bodies.size(); i++) {
			ObjectNode event = (ObjectNode) JsonEvents.parse(
					Fixtures.bytes("aliyun/mns/devsapp-fc3-event-template-mns-with-MessageAttributes.json"));
			event.put("Message", bodies.get(i)).put("MessageId", "msg-" + i);
			HttpResponse<byte[]> response = FcServer.invoke("processOrder", JsonEvents.toBytes(event));
			if (!"200".equals(response.headers().firstValue("x-fc-status").orElse(null))) {
				redelivered.add(i);
			}
		}
		return new QueueOutcome(redelivered, true);
	}

	private static String succeeded(HttpResponse<byte[]> response) {
		String body = new String(response.body(), StandardCharsets.UTF_8);
		if (response.statusCode() != 200 || !"200".equals(response.headers().firstValue("x-fc-status").orElse(null))) {
			throw new AssertionError("/invoke answered " + response.statusCode() + " " + response.headers().map() + ": " + body);
		}
		return body;
	}
}
