package dev.polyfn.messaging.azure;

import com.azure.core.util.BinaryData;
import com.azure.core.util.Context;
import com.azure.storage.queue.QueueClient;

import dev.polyfn.core.messaging.Message;
import dev.polyfn.core.messaging.MessageDestination;
import dev.polyfn.core.messaging.MessagingException;
import dev.polyfn.core.messaging.PublishResult;

/**
 * One Storage queue as polyfn's {@link MessageDestination}: the message's body, and only its body, becomes the queue
 * message's text ({@link QueueMessageFormat}), so the consumer reads the same JSON as on every other cloud.
 *
 * <p>A Storage queue message has no attributes, headers or content type: it is text and the service's own fields
 * (Put Message, https://learn.microsoft.com/en-us/rest/api/storageservices/put-message, read 2026-12-06). The
 * message's attributes, content type and group key are therefore not sent (wrapping the body in an envelope would
 * change it on this one cloud); a consumer that needs a value reads it from the body. Nor is there a batch call:
 * {@link #publishBatch} is the interface's loop, one Put Message per message, each with its own outcome.
 */
final class StorageQueueDestination implements MessageDestination {

	private final QueueClient queue;
	private final String alias;
	private final QueueMessageFormat format;

	StorageQueueDestination(QueueClient queue, String alias, QueueMessageFormat format) {
		this.queue = queue;
		this.alias = alias;
		this.format = format;
	}

	@Override
	public String name() {
		return queue.getQueueName();
	}

	@Override
	public PublishResult publish(Message message) {
		if (message.size() > format.bodyLimit()) {
			throw new MessagingException.TooLarge(alias, message.size(), format.bodyLimit());
		}
		if (format == QueueMessageFormat.NONE && message.bodyText() == null) {
			throw new MessagingException.Failed(alias, "a body that is not UTF-8 text needs "
					+ QueueMessageFormat.SETTING + "=base64 (a plain Storage queue message is XML text)", null);
		}
		try {
			// Default visibility (at once) and time to live (7 days); the SDK encodes the body as the format says.
			return new PublishResult(queue.sendMessageWithResponse(BinaryData.fromBytes(message.body()), null, null, null, Context.NONE)
				.getValue().getMessageId());
		}
		catch (RuntimeException failed) {
			throw StorageQueueFailures.translate(alias, failed);
		}
	}
}
