package dev.polyfn.core.messaging;

import java.util.ArrayList;
import java.util.List;

/**
 * One queue or topic, the same on every cloud. Get one from {@link MessageDestinations#destination(String)} by its
 * alias; the alias's settings say which queue or topic and which implementation. Failures are
 * {@link MessagingException}s, which a function may let through: they answer in polyfn's error contract, and in a
 * batch-triggered function they mark that one message failed in the cloud's own batch answer (SQS
 * {@code batchItemFailures}, ...), so the cloud delivers it again and nothing is lost.
 */
public interface MessageDestination {

	/** The real queue or topic this alias is bound to. */
	String name();

	/** Publishes one message; returns once the service has accepted it. */
	PublishResult publish(Message message);

	/**
	 * Publishes the messages, in as few calls as the service allows (10 per call on SQS and SNS, 16 on MNS, ...).
	 * One message's failure does not stop the others: see {@link BatchPublishResult}.
	 */
	default BatchPublishResult publishBatch(List<Message> messages) {
		List<BatchPublishResult.Entry> entries = new ArrayList<>(messages.size());
		for (int i = 0; i < messages.size(); i++) {
			try {
				entries.add(new BatchPublishResult.Entry(i, publish(messages.get(i)).messageId(), null));
			}
			catch (MessagingException failure) {
				entries.add(new BatchPublishResult.Entry(i, null, failure));
			}
		}
		return new BatchPublishResult(entries);
	}
}
