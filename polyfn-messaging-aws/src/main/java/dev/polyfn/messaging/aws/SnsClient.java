package dev.polyfn.messaging.aws;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.polyfn.aws.client.AwsHttpClient;
import dev.polyfn.aws.client.AwsHttpRequest;
import dev.polyfn.aws.client.AwsHttpResponse;
import dev.polyfn.aws.client.AwsServiceError;
import dev.polyfn.aws.client.SigV4;
import dev.polyfn.aws.client.XmlElement;

/**
 * The two SNS actions polyfn calls, in SNS's Query protocol (API version 2010-03-31): {@code POST /} on the endpoint,
 * the parameters form-encoded in the body with {@code Action} and {@code Version} ("Common Parameters",
 * https://docs.aws.amazon.com/sns/latest/api/CommonParameters.html, read 2026-12-07), answered in XML
 * ({@code <PublishResponse>}, {@code <PublishBatchResponse>}) or, on an error, {@code <ErrorResponse><Error>
 * <Type/><Code/><Message/></Error><RequestId/></ErrorResponse>} ("Common Errors",
 * https://docs.aws.amazon.com/sns/latest/api/CommonErrors.html, read 2026-12-07).
 */
record SnsClient(AwsHttpClient http, URI endpoint) {

	static final String SERVICE = "SNS";

	private static final String VERSION = "2010-03-31";

	private static final String CONTENT_TYPE = "application/x-www-form-urlencoded; charset=utf-8";

	/**
	 * Publish: TopicArn, Message, {@code MessageAttributes.entry.N.Name} / {@code .Value.DataType} /
	 * {@code .Value.StringValue}, MessageGroupId, MessageDeduplicationId; answered with
	 * {@code <PublishResult><MessageId>} (https://docs.aws.amazon.com/sns/latest/api/API_Publish.html, read 2026-12-07).
	 */
	String publish(String topicArn, AwsMessageFormat.Outgoing message) {
		StringBuilder form = form("Publish", message.encoded().body().length());
		add(form, "TopicArn", topicArn);
		message(form, "", message);
		XmlElement result = call(form).child("PublishResult");
		String messageId = result == null ? null : result.childText("MessageId");
		if (messageId == null) {
			throw new AwsServiceError(SERVICE, 200, null, null, 1);
		}
		return messageId;
	}

	/**
	 * PublishBatch: TopicArn and {@code PublishBatchRequestEntries.member.N.*}, each entry a Publish's fields with its
	 * {@code Id}; answered {@code <PublishBatchResult><Successful><member><Id/><MessageId/></member>...</Successful>
	 * <Failed><member><Id/><Code/><SenderFault/><Message/></member>...</Failed>}
	 * (https://docs.aws.amazon.com/sns/latest/api/API_PublishBatch.html, read 2026-12-07).
	 */
	Batches.Answer publishBatch(String topicArn, List<AwsMessageFormat.Outgoing> entries) {
		int size = 0;
		for (AwsMessageFormat.Outgoing entry : entries) {
			size += entry.encoded().body().length();
		}
		StringBuilder form = form("PublishBatch", size);
		add(form, "TopicArn", topicArn);
		for (int i = 0; i < entries.size(); i++) {
			String prefix = "PublishBatchRequestEntries.member." + (i + 1) + ".";
			add(form, prefix + "Id", entries.get(i).id());
			message(form, prefix, entries.get(i));
		}
		XmlElement result = call(form).child("PublishBatchResult");
		Map<String, String> sent = new LinkedHashMap<>();
		List<Batches.Refusal> refused = new ArrayList<>();
		if (result != null) {
			for (XmlElement member : members(result, "Successful")) {
				sent.put(member.childText("Id"), member.childText("MessageId"));
			}
			for (XmlElement member : members(result, "Failed")) {
				refused.add(new Batches.Refusal(member.childText("Id"), member.childText("Code"), "true".equals(member.childText("SenderFault"))));
			}
		}
		return new Batches.Answer(sent, refused);
	}

	private static List<XmlElement> members(XmlElement result, String list) {
		XmlElement members = result.child(list);
		return members == null ? List.of() : members.children("member");
	}

	/**
	 * A message's parameters under {@code prefix}: the attributes as {@code MessageAttributes.entry.N} of DataType
	 * {@code String} (https://docs.aws.amazon.com/sns/latest/api/API_MessageAttributeValue.html, read 2026-12-07), the
	 * group and deduplication ids only where there are.
	 */
	private static void message(StringBuilder form, String prefix, AwsMessageFormat.Outgoing message) {
		add(form, prefix + "Message", message.encoded().body());
		int n = 0;
		for (Map.Entry<String, String> attribute : message.encoded().attributes().entrySet()) {
			String entry = prefix + "MessageAttributes.entry." + ++n + ".";
			add(form, entry + "Name", attribute.getKey());
			add(form, entry + "Value.DataType", "String");
			add(form, entry + "Value.StringValue", attribute.getValue());
		}
		if (message.groupId() != null) {
			add(form, prefix + "MessageGroupId", message.groupId());
		}
		if (message.deduplicationId() != null) {
			add(form, prefix + "MessageDeduplicationId", message.deduplicationId());
		}
	}

	private static StringBuilder form(String action, int bodyChars) {
		return new StringBuilder(bodyChars + 512).append("Action=").append(action).append("&Version=").append(VERSION);
	}

	/** One {@code &name=value}, both percent-encoded as RFC 3986 has it (what the SDK writes; a form decoder reads it). */
	private static void add(StringBuilder form, String name, String value) {
		form.append('&').append(SigV4.uriEncode(name, true)).append('=').append(SigV4.uriEncode(value, true));
	}

	private XmlElement call(StringBuilder form) {
		AwsHttpRequest request = AwsHttpRequest.builder("POST", endpoint)
			.header("Content-Type", CONTENT_TYPE)
			.body(form.toString().getBytes(StandardCharsets.UTF_8))
			.build();
		try (AwsHttpResponse response = http.send(request, SnsClient::throttled)) {
			XmlElement answer = XmlElement.parse(response.bodyBytes());
			if (response.status() / 100 != 2) {
				throw new AwsServiceError(SERVICE, response.status(), errorCode(answer), requestId(response, answer), response.attempts());
			}
			if (answer == null) {
				throw new AwsServiceError(SERVICE, response.status(), null, requestId(response, null), response.attempts());
			}
			return answer;
		}
	}

	/** A 400 whose code says throttled (SNS's KMSThrottling): sent again, as the SDK does; 429 and 5xx the client retries itself. */
	private static boolean throttled(AwsHttpResponse response) {
		return response.status() == 400 && AwsMessagingFailures.isThrottling(errorCode(XmlElement.parse(response.bodyBytes())));
	}

	/** {@code <Error><Code>} of an {@code <ErrorResponse>}; null when the answer is not one (a gateway's 502). */
	static String errorCode(XmlElement answer) {
		XmlElement error = answer == null || answer.name().equals("Error") ? answer : answer.find("Error");
		return error == null ? null : error.childText("Code");
	}

	private static String requestId(AwsHttpResponse response, XmlElement answer) {
		String header = response.header("x-amzn-RequestId").orElse(null);
		if (header != null || answer == null) {
			return header;
		}
		XmlElement id = answer.find("RequestId");
		return id == null ? null : id.text();
	}
}
