package dev.polyfn.local.events;

import static dev.polyfn.local.events.Json.array;
import static dev.polyfn.local.events.Json.object;

import java.util.Map;
import java.util.UUID;

/**
 * Function Compute 3.0 trigger events as FC posts them to a custom runtime's {@code /invoke} (the fixtures under
 * shared/fixtures/aliyun, from devsapp's FC 3.0 event templates and the timer trigger docs): OSS
 * {@code ObjectCreated:PutObject}, the timer trigger's {@code triggerTime/triggerName/payload}, and an MNS topic
 * message (queue and pub/sub triggers are MNS topic triggers in the generated s.yaml).
 */
final class AliyunEvents {

	private AliyunEvents() {
	}

	static Map<String, Object> event(Trigger trigger, EventSettings s, String now) {
		return switch (trigger) {
			case STORAGE -> object("events", array(object("eventName", "ObjectCreated:PutObject", "eventSource", "acs:oss",
					"eventTime", now, "eventVersion", "1.0", "oss", object("bucket", object("arn",
							"acs:oss:cn-hangzhou:123456789:" + s.bucketOr("uploads"), "name", s.bucketOr("uploads"),
							"ownerIdentity", "123456789", "virtualBucket", ""),
							"object", object("deltaSize", 1024, "eTag", "688A7BF4F233DC9C88A80BF985AB7329", "key",
									s.keyOr("cat.png"), "size", 1024),
							"ossSchemaVersion", "1.0", "ruleId", "polyfn-local"),
					"region", "cn-hangzhou", "requestParameters", object("sourceIPAddress", "127.0.0.1"),
					"responseElements", object("requestId", UUID.randomUUID().toString()), "userIdentity",
					object("principalId", "123456789"))));
			case SCHEDULE -> object("triggerTime", now.replaceAll("\\.\\d+Z$", "Z"), "triggerName",
					s.scheduleOr("timer-trigger"), "payload", s.bodyOr(""));
			case QUEUE, PUBSUB -> object("TopicOwner", "123456789", "Message", s.bodyOr("{}"), "Subscriber", "123456789",
					"PublishTime", System.currentTimeMillis(), "SubscriptionName", "polyfn-local", "MessageMD5", "",
					"TopicName", s.queueOr("topic"), "MessageId", UUID.randomUUID().toString().replace("-", ""));
			case HTTP -> throw new IllegalArgumentException("FC 3.0 passes an HTTP trigger's request to the runtime as it is");
		};
	}

	static boolean isEvent(Map<?, ?> json) {
		return json.containsKey("events") || json.containsKey("triggerTime") || json.containsKey("TopicOwner");
	}
}
