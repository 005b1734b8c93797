package dev.polyfn.messaging.aws;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.PublishBatchRequestEntry;
import software.amazon.awssdk.services.sns.model.PublishBatchResponse;
import software.amazon.awssdk.services.sns.model.PublishBatchResultEntry;

import dev.polyfn.core.messaging.BatchPublishResult;
import dev.polyfn.core.messaging.Message;
import dev.polyfn.core.messaging.MessageDestination;
import dev.polyfn.core.messaging.MessagingException;
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
		AwsMessageFormat.Encoded encoded = checked(message);
		String group = groupId(message);
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
		List<Batches.Pending> pending = new ArrayList<>();
		for (int i = 0; i < messages.size(); i++) {
			try {
				pending.add(new Batches.Pending(i, checked(messages.get(i))));
			}
			catch (MessagingException refused) {
				entries.add(new BatchPublishResult.Entry(i, null, refused));
			}
		}
		for (List<Batches.Pending> call : Batches.split(pending, maxSize)) {
			entries.addAll(send(call, messages));
		}
		entries.sort(Comparator.comparingInt(BatchPublishResult.Entry::index));
		return new BatchPublishResult(entries);
	}

	private List<BatchPublishResult.Entry> send(List<Batches.Pending> call, List<Message> messages) {
		Map<String, Integer> indexById = new LinkedHashMap<>();
		List<PublishBatchRequestEntry> requestEntries = new ArrayList<>(call.size());
		for (Batches.Pending p : call) {
			String id = "m" + p.index();
			indexById.put(id, p.index());
			String group = groupId(messages.get(p.index()));
			requestEntries.add(PublishBatchRequestEntry.builder().id(id).message(p.encoded().body())
				.messageAttributes(attributes(p.encoded()))
				.messageGroupId(group)
				.messageDeduplicationId(fifo ? AwsMessageFormat.deduplicationId(p.encoded(), group) : null)
				.build());
		}
		List<BatchPublishResult.Entry> entries = new ArrayList<>(call.size());
		PublishBatchResponse response;
		try {
			response = sns.publishBatch(r -> r.topicArn(topicArn).publishBatchRequestEntries(requestEntries));
		}
		catch (SdkException failed) {
			MessagingException failure = AwsMessagingFailures.translate(SERVICE, alias, failed);
			call.forEach(p -> entries.add(new BatchPublishResult.Entry(p.index(), null, failure)));
			return entries;
		}
		for (PublishBatchResultEntry sent : response.successful()) {
			Integer index = indexById.remove(sent.id());
			if (index != null) {
				entries.add(new BatchPublishResult.Entry(index, sent.messageId(), null));
			}
		}
		for (BatchResultErrorEntry refused : response.failed()) {
			Integer index = indexById.remove(refused.id());
			if (index != null) {
				entries.add(new BatchPublishResult.Entry(index, null,
						AwsMessagingFailures.entry(SERVICE, alias, refused.code(), Boolean.TRUE.equals(refused.senderFault()))));
			}
		}
		indexById.values().forEach(index -> entries.add(new BatchPublishResult.Entry(index, null,
				new MessagingException.Failed(alias, "SNS's answer did not mention the message", null))));
		return entries;
	}

	private AwsMessageFormat.Encoded checked(Message message) {
		AwsMessageFormat.Encoded encoded = AwsMessageFormat.encode(alias, message);
		if (encoded.size() > maxSize) {
			throw new MessagingException.TooLarge(alias, encoded.size(), maxSize);
		}
		return encoded;
	}

	private String groupId(Message message) {
		return message.groupKey() != null ? message.groupKey() : fifo ? alias : null;
	}

	private static Map<String, MessageAttributeValue> attributes(AwsMessageFormat.Encoded encoded) {
		Map<String, MessageAttributeValue> attributes = new LinkedHashMap<>();
		encoded.attributes().forEach((name, value) -> attributes.put(name,
				MessageAttributeValue.builder().dataType("String").stringValue(value).build()));
		return attributes;
	}
}
