package dev.polyfn.core.messaging;

import java.util.List;

/**
 * The outcome of {@link MessageDestination#publishBatch}: one entry per message, in the order given, each with the
 * id the service gave it or the failure that kept it out. A batch is not all-or-nothing on any service (SQS, SNS,
 * Pub/Sub and MNS answer per entry), so the caller sees exactly which messages to send again.
 */
public record BatchPublishResult(List<Entry> entries) {

	/** One message of the batch: {@code index} is its place in the list given; exactly one of the other two is set. */
	public record Entry(int index, String messageId, MessagingException failure) {

		public boolean failed() {
			return failure != null;
		}
	}

	public BatchPublishResult {
		entries = List.copyOf(entries);
	}

	public List<Entry> failed() {
		return entries.stream().filter(Entry::failed).toList();
	}

	public boolean allPublished() {
		return entries.stream().noneMatch(Entry::failed);
	}

	/** The message ids in order, or the first failure thrown (with the count of the others) when any message failed. */
	public List<String> messageIdsOrThrow() {
		List<Entry> failed = failed();
		if (!failed.isEmpty()) {
			MessagingException first = failed.get(0).failure();
			if (failed.size() > 1) {
				first.addSuppressed(new IllegalStateException((failed.size() - 1) + " more of " + entries.size() + " messages failed"));
			}
			throw first;
		}
		return entries.stream().map(Entry::messageId).toList();
	}
}
