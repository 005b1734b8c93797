package dev.polyfn.messaging.aws;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.PublishBatchRequestEntry;
import software.amazon.awssdk.services.sns.model.PublishBatchResponse;

import dev.polyfn.core.messaging.BatchPublishResult;
import dev.polyfn.core.messaging.Message;
import dev.polyfn.core.messaging.MessageDestination;
import dev.polyfn.core.messaging.PublishResult;

/**
 * One SNS topic by its ARN, the message in {@link AwsMessageFormat}'s form (a raw-delivery SQS subscription receives
 * exactly what {@link SqsDestination} would send).
 *
 * <p>The group key: on a FIFO topic ({@code .fifo}) the MessageGroupId (the alias when the message has none) with a
 * content deduplication id, as on SQS; on a standard topic it is sent as the MessageGroupId too, which SNS "forwards
 * only to Amazon SQS standard subscriptions to activate fair queues" (PublishRequest MessageGroupId,
 * https://docs.aws.amazon.com/sns/latest/api/API_Publish.html, read 2026-12-06).
 */
final class SnsDestination implements MessageDestination {

	/**
	 * A topic takes 256 KiB unless its {@code MaximumMessageSize} says more, up to 1 MiB, body and attributes counted
	 * ("Publishing large messages with Amazon SNS", https://docs.aws.amazon.com/sns/latest/dg/large-message-payloads.html,
	 * read 2026-12-06): {@code max-message-size} tells polyfn a topic's larger setting.
	 */
	static final long DEFAULT_MAX_MESSAGE_SIZE = 262_144;

	static final long MAX_MESSAGE_SIZE = 1_048_576;

	private static final String SERVICE = "SNS";

	private final SnsClient sns;
	private final String alias;
	private final String topicArn;
	private final boolean fifo;
	private final long maxSize;

	SnsDestination(SnsClient sns, String alias, String topicArn, long maxSize) {
		this.sns = sns;
		this.alias = alias;
		this.topicArn = topicArn;
		this.fifo = AwsMessageFormat.isFifo(topicArn);
		this.maxSize = maxSize;
	}

	@Override
	public String name() {
		return topicArn;
	}

	@Override
	public PublishResult publish(Message message) {
		AwsMessageFormat.Encoded encoded = AwsMessageFormat.checked(alias, message, maxSize);
		String group = AwsMessageFormat.groupId(message, fifo, alias);
		try {
			return new PublishResult(sns.publish(r -> r.topicArn(topicArn).message(encoded.body())
				.messageAttributes(attributes(encoded))
				.messageGroupId(group)
				.messageDeduplicationId(fifo ? AwsMessageFormat.deduplicationId(encoded, group) : null)).messageId());
		}
		catch (SdkException failed) {
			throw AwsMessagingFailures.translate(SERVICE, alias, failed);
		}
	}

	@Override
	public BatchPublishResult publishBatch(List<Message> messages) {
		List<BatchPublishResult.Entry> entries = new ArrayList<>(messages.size());
		List<Batches.Pending> pending = Batches.encode(messages, m -> AwsMessageFormat.checked(alias, m, maxSize), entries);
		for (List<Batches.Pending> call : Batches.split(pending, maxSize)) {
			entries.addAll(send(call, messages));
		}
		return Batches.inOrder(entries);
	}

	private List<BatchPublishResult.Entry> send(List<Batches.Pending> call, List<Message> messages) {
		List<PublishBatchRequestEntry> requestEntries = new ArrayList<>(call.size());
		for (Batches.Pending p : call) {
			String group = AwsMessageFormat.groupId(messages.get(p.index()), fifo, alias);
			requestEntries.add(PublishBatchRequestEntry.builder().id(Batches.entryId(p)).message(p.encoded().body())
				.messageAttributes(attributes(p.encoded()))
				.messageGroupId(group)
				.messageDeduplicationId(fifo ? AwsMessageFormat.deduplicationId(p.encoded(), group) : null)
				.build());
		}
		PublishBatchResponse response;
		try {
			response = sns.publishBatch(r -> r.topicArn(topicArn).publishBatchRequestEntries(requestEntries));
		}
		catch (SdkException failed) {
			return Batches.allFailed(call, AwsMessagingFailures.translate(SERVICE, alias, failed));
		}
		Map<String, String> sent = new LinkedHashMap<>();
		response.successful().forEach(entry -> sent.put(entry.id(), entry.messageId()));
		return Batches.answered(SERVICE, alias, call, sent, response.failed().stream()
			.map(refused -> new Batches.Refusal(refused.id(), refused.code(), Boolean.TRUE.equals(refused.senderFault()))).toList());
	}

	private static Map<String, MessageAttributeValue> attributes(AwsMessageFormat.Encoded encoded) {
		Map<String, MessageAttributeValue> attributes = new LinkedHashMap<>();
		encoded.attributes().forEach((name, value) -> attributes.put(name,
				MessageAttributeValue.builder().dataType("String").stringValue(value).build()));
		return attributes;
	}
}
