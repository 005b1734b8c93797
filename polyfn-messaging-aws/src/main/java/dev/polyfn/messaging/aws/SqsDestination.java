package dev.polyfn.messaging.aws;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResultEntry;

import dev.polyfn.core.messaging.BatchPublishResult;
import dev.polyfn.core.messaging.Message;
import dev.polyfn.core.messaging.MessageDestination;
import dev.polyfn.core.messaging.MessagingException;
import dev.polyfn.core.messaging.PublishResult;

/**
 * One SQS queue, by its URL or its name (resolved once with GetQueueUrl, on the first publish: a name that is not
 * there fails that publish, and the next one asks again). The message goes in {@link AwsMessageFormat}'s form.
 *
 * <p>The group key: on a FIFO queue ({@code .fifo}) it is the MessageGroupId (the alias when the message has none,
 * since a FIFO queue takes nothing without one: one ordered group), with a deduplication id made from the content
 * ({@link AwsMessageFormat#deduplicationId}); on a standard queue it is sent as the MessageGroupId too, which makes
 * the queue a fair queue for that tenant ("In standard queues, using MessageGroupId enables fair queues", Amazon SQS
 * message quotas, https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/quotas-messages.html,
 * read 2026-12-06), and a message without one is sent without.
 */
final class SqsDestination implements MessageDestination {

	/** "The maximum size is 1 MiB or 1,048,576 bytes" (SendMessage, MessageBody, https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_SendMessage.html, read 2026-12-06; 256 KiB before August 2025). */
	static final long MAX_MESSAGE_SIZE = 1_048_576;

	private static final String SERVICE = "SQS";

	private final SqsClient sqs;
	private final String alias;
	private final String destination;
	private final boolean fifo;
	private final long maxSize;
	private volatile String queueUrl;

	SqsDestination(SqsClient sqs, String alias, String destination, long maxSize) {
		this.sqs = sqs;
		this.alias = alias;
		this.destination = destination;
		this.fifo = AwsMessageFormat.isFifo(destination);
		this.maxSize = maxSize;
		this.queueUrl = isUrl(destination) ? destination : null;
	}

	@Override
	public String name() {
		return destination;
	}

	@Override
	public PublishResult publish(Message message) {
		AwsMessageFormat.Encoded encoded = checked(message);
		String url = queueUrl();
		String group = groupId(message);
		try {
			return new PublishResult(sqs.sendMessage(r -> r.queueUrl(url).messageBody(encoded.body())
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
		if (!pending.isEmpty()) {
			String url;
			try {
				url = queueUrl();
			}
			catch (MessagingException noQueue) {
				pending.forEach(p -> entries.add(new BatchPublishResult.Entry(p.index(), null, noQueue)));
				return sorted(entries);
			}
			for (List<Batches.Pending> call : Batches.split(pending, MAX_MESSAGE_SIZE)) {
				entries.addAll(send(url, call, messages));
			}
		}
		return sorted(entries);
	}

	private List<BatchPublishResult.Entry> send(String url, List<Batches.Pending> call, List<Message> messages) {
		Map<String, Integer> indexById = new LinkedHashMap<>();
		List<SendMessageBatchRequestEntry> requestEntries = new ArrayList<>(call.size());
		for (Batches.Pending p : call) {
			String id = "m" + p.index();
			indexById.put(id, p.index());
			String group = groupId(messages.get(p.index()));
			requestEntries.add(SendMessageBatchRequestEntry.builder().id(id).messageBody(p.encoded().body())
				.messageAttributes(attributes(p.encoded()))
				.messageGroupId(group)
				.messageDeduplicationId(fifo ? AwsMessageFormat.deduplicationId(p.encoded(), group) : null)
				.build());
		}
		List<BatchPublishResult.Entry> entries = new ArrayList<>(call.size());
		SendMessageBatchResponse response;
		try {
			response = sqs.sendMessageBatch(r -> r.queueUrl(url).entries(requestEntries));
		}
		catch (SdkException failed) {
			// The whole call failed (no answer, throttled, the queue gone): every message of it, and only those.
			MessagingException failure = AwsMessagingFailures.translate(SERVICE, alias, failed);
			call.forEach(p -> entries.add(new BatchPublishResult.Entry(p.index(), null, failure)));
			return entries;
		}
		for (SendMessageBatchResultEntry sent : response.successful()) {
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
		// An entry the answer does not mention was not acknowledged: failed, so the caller sends it again.
		indexById.values().forEach(index -> entries.add(new BatchPublishResult.Entry(index, null,
				new MessagingException.Failed(alias, "SQS's answer did not mention the message", null))));
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

	private String queueUrl() {
		String url = queueUrl;
		if (url == null) {
			try {
				url = sqs.getQueueUrl(r -> r.queueName(destination)).queueUrl();
			}
			catch (SdkException failed) {
				throw AwsMessagingFailures.translate(SERVICE, alias, failed);
			}
			queueUrl = url;
		}
		return url;
	}

	private static Map<String, MessageAttributeValue> attributes(AwsMessageFormat.Encoded encoded) {
		Map<String, MessageAttributeValue> attributes = new LinkedHashMap<>();
		encoded.attributes().forEach((name, value) -> attributes.put(name,
				MessageAttributeValue.builder().dataType("String").stringValue(value).build()));
		return attributes;
	}

	private static BatchPublishResult sorted(List<BatchPublishResult.Entry> entries) {
		entries.sort(Comparator.comparingInt(BatchPublishResult.Entry::index));
		return new BatchPublishResult(entries);
	}

	private static boolean isUrl(String destination) {
		return destination.startsWith("https://") || destination.startsWith("http://");
	}
}
