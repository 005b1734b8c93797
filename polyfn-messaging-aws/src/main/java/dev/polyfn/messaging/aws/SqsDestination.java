package dev.polyfn.messaging.aws;

import java.util.ArrayList;
import java.util.List;

import dev.polyfn.aws.client.AwsClientException;
import dev.polyfn.aws.client.AwsServiceError;
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
		AwsMessageFormat.Encoded encoded = AwsMessageFormat.checked(alias, message, maxSize);
		String url = queueUrl();
		try {
			return new PublishResult(sqs.sendMessage(url, AwsMessageFormat.outgoing(null, encoded, message, fifo, alias)));
		}
		catch (AwsServiceError | AwsClientException failed) {
			throw AwsMessagingFailures.translate(SqsClient.SERVICE, alias, failed);
		}
	}

	@Override
	public BatchPublishResult publishBatch(List<Message> messages) {
		List<BatchPublishResult.Entry> entries = new ArrayList<>(messages.size());
		List<Batches.Pending> pending = Batches.encode(messages, m -> AwsMessageFormat.checked(alias, m, maxSize), entries);
		if (!pending.isEmpty()) {
			String url;
			try {
				url = queueUrl();
			}
			catch (MessagingException noQueue) {
				entries.addAll(Batches.allFailed(pending, noQueue));
				return Batches.inOrder(entries);
			}
			for (List<Batches.Pending> call : Batches.split(pending, MAX_MESSAGE_SIZE)) {
				entries.addAll(Batches.send(SqsClient.SERVICE, alias, call,
						() -> sqs.sendMessageBatch(url, Batches.outgoing(call, messages, fifo, alias))));
			}
		}
		return Batches.inOrder(entries);
	}

	private String queueUrl() {
		String url = queueUrl;
		if (url == null) {
			try {
				url = sqs.queueUrl(destination);
			}
			catch (AwsServiceError | AwsClientException failed) {
				throw AwsMessagingFailures.translate(SqsClient.SERVICE, alias, failed);
			}
			queueUrl = url;
		}
		return url;
	}

	private static boolean isUrl(String destination) {
		return destination.startsWith("https://") || destination.startsWith("http://");
	}
}
