package dev.polyfn.local.events;

import static dev.polyfn.local.events.Json.array;
import static dev.polyfn.local.events.Json.object;

import java.util.Map;
import java.util.UUID;

/**
 * SCF event-function events (the fixtures under shared/fixtures/tencent, from SCF's docs and scfcli's event
 * templates): API Gateway integration request, COS {@code cos:ObjectCreated:Put} (key as
 * {@code /<appid>/<bucket>/<key>}), CKafka (queue), CMQ topic (pub/sub) and timer.
 */
final class TencentEvents {

	private static final String APP_ID = "1253970026";

	private TencentEvents() {
	}

	static Map<String, Object> event(Trigger trigger, EventSettings s, String now) {
		long epochSeconds = System.currentTimeMillis() / 1000;
		return switch (trigger) {
			case HTTP -> {
				String path = "/" + s.functionOr("");
				yield object("requestContext", object("serviceId", "service-polyfn", "path", path, "httpMethod", "POST",
						"requestId", UUID.randomUUID().toString(), "identity", object(), "sourceIp", "127.0.0.1", "stage",
						"release"), "headers", object("content-type", s.contentTypeOr("application/json"), "host",
								"localhost"),
						"body", s.bodyOr(""), "pathParameters", object(), "queryStringParameters", object(),
						"headerParameters", object(), "stageVariables", object("stage", "release"), "path", path,
						"queryString", object(), "httpMethod", "POST");
			}
			case STORAGE -> {
				String bucket = s.bucketOr("uploads");
				String key = s.keyOr("cat.png");
				yield object("Records", array(object("cos", object("cosSchemaVersion", "1.0", "cosObject", object("url",
						"http://" + bucket + "-" + APP_ID + ".cos.ap-guangzhou.myqcloud.com/" + key, "meta",
						object("x-cos-request-id", UUID.randomUUID().toString(), "Content-Type", ""), "vid", "", "key",
						"/" + APP_ID + "/" + bucket + "/" + key, "size", 1024),
						"cosBucket", object("region", "gz", "name", bucket, "appid", APP_ID), "cosNotificationId", "polyfn"),
						"event", object("eventName", "cos:ObjectCreated:Put", "eventVersion", "1.0", "eventTime",
								epochSeconds, "eventSource", "qcs::cos", "requestParameters",
								object("requestSourceIP", "127.0.0.1", "requestHeaders", object()), "eventQueue",
								"qcs:0:lambda:gz:appid/" + APP_ID + ":default.polyfn.$LATEST", "reservedInfo", "",
								"reqid", 179398952))));
			}
			case QUEUE -> object("Records", array(object("Ckafka", object("topic", s.queueOr("topic"), "partition", 0,
					"offset", 1, "msgKey", "polyfn", "msgBody", s.bodyOr("{}")))));
			case PUBSUB -> object("Records", array(object("CMQ", object("type", "topic", "topicOwner", APP_ID, "topicName",
					s.queueOr("topic"), "subscriptionName", "polyfn-local", "publishTime", now, "msgId",
					UUID.randomUUID().toString(), "requestId", UUID.randomUUID().toString(), "msgBody", s.bodyOr("{}"),
					"msgTag", ""))));
			case SCHEDULE -> object("Type", "Timer", "TriggerName", s.scheduleOr("timer"), "Time",
					now.replaceAll("\\.\\d+Z$", "Z"), "Message", s.bodyOr(""));
		};
	}

	static boolean isEvent(Map<?, ?> json) {
		return json.containsKey("requestContext") || json.containsKey("Records") || "Timer".equals(json.get("Type"));
	}
}
