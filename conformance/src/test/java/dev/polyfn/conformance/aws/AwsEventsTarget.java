package dev.polyfn.conformance.aws;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import dev.polyfn.aws.EventBridgeHandler;
import dev.polyfn.aws.S3Handler;
import dev.polyfn.aws.SqsHandler;
import dev.polyfn.conformance.Target;
import dev.polyfn.core.events.JsonEvents;
import dev.polyfn.core.testing.Fixtures;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Lambda's event triggers, each through its own entry class and deployed with its function as
 * {@code SPRING_CLOUD_FUNCTION_DEFINITION}: S3 for storage, an EventBridge schedule for the timer, SQS (with
 * {@code ReportBatchItemFailures}) for the queue. Lambda returns the function's result as the invocation's payload.
 */
public final class AwsEventsTarget implements Target.Events {

	@Override
	public String name() {
		return "AWS S3 / EventBridge / SQS";
	}

	@Override
	public String storageObjectCreated(String bucket, String key, String contentType) {
		ObjectNode event = (ObjectNode) JsonEvents.parse(Fixtures.bytes("aws/s3/go-s3-event.json"));
		ObjectNode s3 = (ObjectNode) event.get("Records").get(0).get("s3");
		((ObjectNode) s3.get("bucket")).put("name", bucket).put("arn", "arn:aws:s3:::" + bucket);
		// S3 writes keys form-encoded per path segment ("photos/cat+1.png").
		((ObjectNode) s3.get("object")).put("key", Arrays.stream(key.split("/"))
				.map(part -> URLEncoder.encode(part, StandardCharsets.UTF_8)).collect(Collectors.joining("/")));
		return text(Lambda.invoke(Lambda.handler("planThumbnail", S3Handler.class, S3Handler::new), event));
	}

	@Override
	public String timerFired(String scheduleName) {
		ObjectNode event = (ObjectNode) JsonEvents.parse(Fixtures.bytes("aws/eventbridge-scheduled/java-libs-cloudwatch_event.json"));
		event.putArray("resources").add("arn:aws:events:eu-central-1:123456789012:rule/" + scheduleName);
		return text(Lambda.invoke(Lambda.handler("cleanupExpired", EventBridgeHandler.class, EventBridgeHandler::new), event));
	}

	@Override
	public QueueOutcome queueBatch(List<String> bodies) {
		ObjectNode event = (ObjectNode) JsonEvents.parse(Fixtures.bytes("aws/sqs/go-sqs-event.json"));
		ArrayNode records = (ArrayNode) event.get("Records");
		JsonNode template = records.get(0);
		records.removeAll();
		for (int i = 0; i < bodies.size(); i++) {
			ObjectNode record = (ObjectNode) template.deepCopy();
			record.put("messageId", "msg-" + i);
			record.put("body", bodies.get(i));
			records.add(record);
		}
		JsonNode answer = JsonEvents.parse(Lambda.invoke(Lambda.handler("processOrder", SqsHandler.class, SqsHandler::new), event));
		Set<Integer> redelivered = new LinkedHashSet<>();
		answer.get("batchItemFailures").forEach(f -> redelivered.add(Integer.parseInt(f.get("itemIdentifier").asString().substring(4))));
		return new QueueOutcome(redelivered, true);
	}

	private static String text(byte[] payload) {
		return new String(payload, StandardCharsets.UTF_8);
	}
}
