package dev.polyfn.messaging.aws;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import dev.polyfn.aws.client.AwsHttpClient;
import dev.polyfn.aws.client.AwsHttpRequest;
import dev.polyfn.aws.client.AwsHttpResponse;
import dev.polyfn.aws.client.AwsServiceError;
import dev.polyfn.core.events.JsonEvents;
import dev.polyfn.core.invoke.JsonStrings;

/**
 * The three SQS actions polyfn calls, in SQS's AWS JSON 1.0 protocol ("Making query API requests using AWS JSON
 * protocol in Amazon SQS",
 * https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-making-api-requests-json.html, read
 * 2026-12-07): {@code POST /} on the endpoint with {@code X-Amz-Target: AmazonSQS.<action>} and
 * {@code Content-Type: application/x-amz-json-1.0}, the parameters as a JSON object. The queue URL goes in the body,
 * never in the request line: the call goes to the endpoint (the region's, or {@code AWS_ENDPOINT_URL_SQS} and the
 * {@code endpoint} setting) whatever host the URL names, as the SDK sends it, so a queue URL that moto or a proxy
 * names differently still works. Like the SDK, each call carries {@code x-amzn-query-mode: true}, SQS's opt-in to keep
 * answering the query protocol's error codes in {@code x-amzn-query-error} (what {@link AwsMessagingFailures} maps)
 * rather than change them under a client when the service's protocol moves on (aws-sdk-java-v2 pull request 5707,
 * https://github.com/aws/aws-sdk-java-v2/pull/5707, and aws-sdk-go-v2 pull request 2891,
 * https://github.com/aws/aws-sdk-go-v2/pull/2891, both merged November 2024, read 2026-12-07).
 *
 * <p>Requests are written as text (a body, attribute names and values, ids: strings only); answers are read with
 * function-core's Jackson tree, which every polyfn function has loaded for its event by the time it publishes.
 */
record SqsClient(AwsHttpClient http, URI endpoint) {

	static final String SERVICE = "SQS";

	private static final String CONTENT_TYPE = "application/x-amz-json-1.0";

	/**
	 * GetQueueUrl: {@code {"QueueName": ...}} answered {@code {"QueueUrl": ...}}
	 * (https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_GetQueueUrl.html, read 2026-12-07).
	 */
	String queueUrl(String queueName) {
		StringBuilder json = new StringBuilder("{\"QueueName\":");
		JsonStrings.appendQuoted(json, queueName).append('}');
		return required(call("GetQueueUrl", json), "QueueUrl");
	}

	/**
	 * SendMessage: QueueUrl, MessageBody, MessageAttributes, MessageGroupId, MessageDeduplicationId, answered with the
	 * MessageId (https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_SendMessage.html, read
	 * 2026-12-07).
	 */
	String sendMessage(String queueUrl, AwsMessageFormat.Outgoing message) {
		StringBuilder json = new StringBuilder(message.encoded().body().length() + 256).append("{\"QueueUrl\":");
		JsonStrings.appendQuoted(json, queueUrl).append(',');
		message(json, message).append('}');
		return required(call("SendMessage", json), "MessageId");
	}

	/**
	 * SendMessageBatch: {@code Entries}, each a SendMessage's fields with its {@code Id}; answered
	 * {@code {"Successful": [{"Id", "MessageId", ...}], "Failed": [{"Id", "Code", "SenderFault", "Message"}]}}
	 * (https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_SendMessageBatch.html and
	 * API_BatchResultErrorEntry.html, read 2026-12-07).
	 */
	Batches.Answer sendMessageBatch(String queueUrl, List<AwsMessageFormat.Outgoing> entries) {
		int size = 256;
		for (AwsMessageFormat.Outgoing entry : entries) {
			size += entry.encoded().body().length() + 256;
		}
		StringBuilder json = new StringBuilder(size).append("{\"QueueUrl\":");
		JsonStrings.appendQuoted(json, queueUrl).append(",\"Entries\":[");
		for (int i = 0; i < entries.size(); i++) {
			json.append(i == 0 ? "{\"Id\":" : ",{\"Id\":");
			JsonStrings.appendQuoted(json, entries.get(i).id()).append(',');
			message(json, entries.get(i)).append('}');
		}
		JsonNode answer = call("SendMessageBatch", json.append("]}"));
		Map<String, String> sent = new LinkedHashMap<>();
		JsonNode successful = JsonEvents.at(answer, "Successful");
		if (successful != null) {
			successful.forEach(entry -> sent.put(JsonEvents.text(entry, "Id"), JsonEvents.text(entry, "MessageId")));
		}
		List<Batches.Refusal> refused = new ArrayList<>();
		JsonNode failed = JsonEvents.at(answer, "Failed");
		if (failed != null) {
			failed.forEach(entry -> refused.add(new Batches.Refusal(JsonEvents.text(entry, "Id"), JsonEvents.text(entry, "Code"),
					"true".equals(JsonEvents.text(entry, "SenderFault")))));
		}
		return new Batches.Answer(sent, refused);
	}

	/**
	 * A message's fields: the attributes as {@code MessageAttributeValue}s of DataType {@code String}
	 * (https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_MessageAttributeValue.html, read
	 * 2026-12-07); the group and deduplication ids only where there are.
	 */
	private static StringBuilder message(StringBuilder json, AwsMessageFormat.Outgoing message) {
		json.append("\"MessageBody\":");
		JsonStrings.appendQuoted(json, message.encoded().body()).append(",\"MessageAttributes\":{");
		boolean first = true;
		for (Map.Entry<String, String> attribute : message.encoded().attributes().entrySet()) {
			if (!first) {
				json.append(',');
			}
			first = false;
			JsonStrings.appendQuoted(json, attribute.getKey()).append(":{\"DataType\":\"String\",\"StringValue\":");
			JsonStrings.appendQuoted(json, attribute.getValue()).append('}');
		}
		json.append('}');
		if (message.groupId() != null) {
			JsonStrings.appendQuoted(json.append(",\"MessageGroupId\":"), message.groupId());
		}
		if (message.deduplicationId() != null) {
			JsonStrings.appendQuoted(json.append(",\"MessageDeduplicationId\":"), message.deduplicationId());
		}
		return json;
	}

	private JsonNode call(String action, StringBuilder json) {
		AwsHttpRequest request = AwsHttpRequest.builder("POST", endpoint)
			.header("X-Amz-Target", "AmazonSQS." + action)
			.header("Content-Type", CONTENT_TYPE)
			.header("x-amzn-query-mode", "true")
			.body(json.toString().getBytes(StandardCharsets.UTF_8))
			.build();
		try (AwsHttpResponse response = http.send(request, SqsClient::throttled)) {
			byte[] body = response.bodyBytes();
			if (response.status() / 100 != 2) {
				throw new AwsServiceError(SERVICE, response.status(), errorCode(response), requestId(response), response.attempts());
			}
			JsonNode answer = tree(body);
			if (answer == null || !answer.isObject()) {
				throw new AwsServiceError(SERVICE, response.status(), null, requestId(response), response.attempts());
			}
			return answer;
		}
	}

	/** A 400 whose code says throttled (RequestThrottled, KMS.ThrottlingException): sent again, as the SDK does. */
	private static boolean throttled(AwsHttpResponse response) {
		return response.status() == 400 && AwsMessagingFailures.isThrottling(errorCode(response));
	}

	private static String errorCode(AwsHttpResponse response) {
		return errorCode(response.header("x-amzn-query-error").orElse(null), response.bodyBytes());
	}

	/**
	 * The error code as the SDK reports it for SQS, a query-compatible service: the first part of the
	 * {@code x-amzn-query-error} header ({@code AWS.SimpleQueueService.NonExistentQueue;Sender}), else the body's
	 * {@code __type} without its namespace ({@code com.amazonaws.sqs#QueueDoesNotExist}) ("Interpreting Amazon SQS JSON
	 * API responses", https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-json-api-responses.html,
	 * read 2026-12-07); null when the answer names none (a gateway's 502).
	 */
	static String errorCode(String queryError, byte[] body) {
		if (queryError != null && !queryError.isBlank()) {
			int semicolon = queryError.indexOf(';');
			return (semicolon < 0 ? queryError : queryError.substring(0, semicolon)).trim();
		}
		String type = JsonEvents.text(tree(body), "__type");
		if (type == null) {
			return null;
		}
		// The AWS JSON protocols allow a namespace before '#' and a URI after ':' around the code.
		int hash = type.indexOf('#');
		String code = hash < 0 ? type : type.substring(hash + 1);
		int colon = code.indexOf(':');
		return colon < 0 ? code : code.substring(0, colon);
	}

	private static JsonNode tree(byte[] body) {
		if (body == null || body.length == 0) {
			return null;
		}
		try {
			return JsonEvents.readTree(body);
		}
		catch (JacksonException notJson) {
			return null;
		}
	}

	private static String requestId(AwsHttpResponse response) {
		return response.header("x-amzn-RequestId").orElse(null);
	}

	private static String required(JsonNode answer, String field) {
		String value = JsonEvents.text(answer, field);
		if (value == null) {
			throw new AwsServiceError(SERVICE, 200, null, null, 1);
		}
		return value;
	}
}
