package dev.polyfn.core.invoke;

import java.util.List;

/**
 * The per-item outcome of a batch (an SQS poll, a CKafka batch, an EventBridge array): which items
 * succeeded and which failed, so the cloud retries exactly the failed ones and nothing is lost silently.
 */
public record BatchOutcome(List<Item> items) {

	public record Item(String eventId, InvocationResult result) {

		public boolean failed() {
			return result.failed();
		}
	}

	public BatchOutcome {
		items = List.copyOf(items);
	}

	public List<String> failedEventIds() {
		return items.stream().filter(Item::failed).map(Item::eventId).toList();
	}

	public boolean allSucceeded() {
		return items.stream().noneMatch(Item::failed);
	}
}
