package dev.polyfn.messaging.aws;

import java.util.ArrayList;
import java.util.List;

import dev.polyfn.aws.client.AwsClientException;
import dev.polyfn.aws.client.AwsServiceError;
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
		try {
			return new PublishResult(sns.publish(topicArn, AwsMessageFormat.outgoing(null, encoded, message, fifo, alias)));
		}
		catch (AwsServiceError | AwsClientException failed) {
			throw AwsMessagingFailures.translate(SnsClient.SERVICE, alias, failed);
		}
	}

	@Override
	public BatchPublishResult publishBatch(List<Message> messages) {
		List<BatchPublishResult.Entry> entries = new ArrayList<>(messages.size());
		List<Batches.Pending> pending = Batches.encode(messages, m -> AwsMessageFormat.checked(alias, m, maxSize), entries);
		for (List<Batches.Pending> call : Batches.split(pending, maxSize)) {
			entries.addAll(Batches.send(SnsClient.SERVICE, alias, call,
					() -> sns.publishBatch(topicArn, Batches.outgoing(call, messages, fifo, alias))));
		}
		return Batches.inOrder(entries);
	}
}
