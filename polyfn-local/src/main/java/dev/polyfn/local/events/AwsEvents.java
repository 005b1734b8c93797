package dev.polyfn.local.events;

import static dev.polyfn.local.events.Json.array;
import static dev.polyfn.local.events.Json.object;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

/**
 * AWS Lambda events as the services send them, the fields those documents list (shapes as in the fixtures under
 * shared/fixtures/aws, taken from aws-lambda-java-events and aws-lambda-go test data): API Gateway HTTP API
 * payload 2.0, SQS, S3 (object key URL-encoded, as S3 sends it), EventBridge scheduled event, SNS.
 */
final class AwsEvents {

	private AwsEvents() {
	}

	static Map<String, Object> event(Trigger trigger, EventSettings s, String now) {
		return switch (trigger) {
			case HTTP -> httpApi(s, now);
			case QUEUE -> object("Records", array(object("messageId", UUID.randomUUID().toString(),
					"receiptHandle", "MessageReceiptHandle", "body", s.bodyOr("{}"), "attributes",
					object("ApproximateReceiveCount", "1", "SentTimestamp", "1520621625029", "SenderId",
							"AROAIWPX5BD2BHG722MW4:sender", "ApproximateFirstReceiveTimestamp", "1520621634884"),
					"messageAttributes", object(), "md5OfBody", "", "eventSource", "aws:sqs", "eventSourceARN",
					"arn:aws:sqs:us-east-1:123456789012:" + s.queueOr("queue"), "awsRegion", "us-east-1")));
			case STORAGE -> object("Records", array(object("eventVersion", "2.1", "eventSource", "aws:s3", "awsRegion",
					"us-east-1", "eventTime", now, "eventName", "ObjectCreated:Put", "userIdentity",
					object("principalId", "EXAMPLE"), "requestParameters", object("sourceIPAddress", "127.0.0.1"),
					"responseElements", object("x-amz-request-id", "C3D13FE58DE4C810", "x-amz-id-2", "EXAMPLE"),
					"s3", object("s3SchemaVersion", "1.0", "configurationId", "polyfn-local", "bucket",
							object("name", s.bucketOr("uploads"), "ownerIdentity", object("principalId", "EXAMPLE"),
									"arn", "arn:aws:s3:::" + s.bucketOr("uploads")),
							"object", object("key", URLEncoder.encode(s.keyOr("cat.png"), StandardCharsets.UTF_8)
									.replace("%2F", "/"), "size", 1024, "eTag", "d41d8cd98f00b204e9800998ecf8427e",
									"sequencer", "0A1B2C3D4E5F678901")))));
			case SCHEDULE -> object("version", "0", "id", UUID.randomUUID().toString(), "detail-type", "Scheduled Event",
					"source", "aws.events", "account", "123456789012", "time", now, "region", "us-east-1", "resources",
					array("arn:aws:events:us-east-1:123456789012:rule/" + s.scheduleOr("schedule")), "detail", object());
			case PUBSUB -> object("Records", array(object("EventSource", "aws:sns", "EventVersion", "1.0",
					"EventSubscriptionArn", "arn:aws:sns:us-east-1:123456789012:" + s.queueOr("topic") + ":polyfn-local",
					"Sns", object("Type", "Notification", "MessageId", UUID.randomUUID().toString(), "TopicArn",
							"arn:aws:sns:us-east-1:123456789012:" + s.queueOr("topic"), "Subject", null, "Message",
							s.bodyOr("{}"), "Timestamp", now, "SignatureVersion", "1", "Signature", "EXAMPLE",
							"SigningCertUrl", "EXAMPLE", "UnsubscribeUrl", "EXAMPLE", "MessageAttributes", object()))));
		};
	}

	/** Payload format 2.0 (HTTP APIs and function URLs share it), one POST of the body to /<function>. */
	private static Map<String, Object> httpApi(EventSettings s, String now) {
		String path = "/" + s.functionOr("");
		return object("version", "2.0", "routeKey", "$default", "rawPath", path, "rawQueryString", "", "headers",
				object("content-type", s.contentTypeOr("application/json"), "host", "localhost"), "requestContext",
				object("accountId", "123456789012", "apiId", "polyfn-local", "domainName", "localhost", "domainPrefix",
						"localhost", "http", object("method", "POST", "path", path, "protocol", "HTTP/1.1", "sourceIp",
								"127.0.0.1", "userAgent", "polyfn-local"),
						"requestId", UUID.randomUUID().toString(), "routeKey", "$default", "stage", "$default", "time",
						now, "timeEpoch", System.currentTimeMillis()),
				"body", s.bodyOr(""), "isBase64Encoded", false);
	}

	/** Whether a JSON object already is a Lambda event of one of these services (or a direct invoke payload). */
	static boolean isEvent(Map<?, ?> json) {
		return json.containsKey("requestContext") || json.containsKey("Records") || json.containsKey("detail-type")
				|| json.containsKey("routeKey");
	}
}
