package dev.polyfn.messaging.aws;

import java.util.ArrayList;
import java.util.List;

/**
 * How a list of messages goes to SendMessageBatch or PublishBatch: in calls of at most {@value #MAX_ENTRIES} entries
 * whose sizes add up to at most the service's total (SQS: "The maximum allowed individual message size and the
 * maximum total payload size (the sum of the individual lengths of all of the batched messages) are both 1 MiB",
 * https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_SendMessageBatch.html; SNS: "The combined
 * size of all messages in the batch, including each message's body and attributes, must not exceed the topic's
 * MaximumMessageSize", https://docs.aws.amazon.com/sns/latest/api/API_PublishBatch.html; both read 2026-12-06), in
 * the order given.
 */
final class Batches {

	/** Entries per SendMessageBatch and PublishBatch call (both pages above). */
	static final int MAX_ENTRIES = 10;

	private Batches() {
	}

	/** One message ready to send: its place in the caller's list and what goes on the wire. */
	record Pending(int index, AwsMessageFormat.Encoded encoded) {
	}

	static List<List<Pending>> split(List<Pending> pending, long maxTotal) {
		List<List<Pending>> calls = new ArrayList<>();
		List<Pending> call = new ArrayList<>();
		long total = 0;
		for (Pending next : pending) {
			if (!call.isEmpty() && (call.size() == MAX_ENTRIES || total + next.encoded().size() > maxTotal)) {
				calls.add(call);
				call = new ArrayList<>();
				total = 0;
			}
			call.add(next);
			total += next.encoded().size();
		}
		if (!call.isEmpty()) {
			calls.add(call);
		}
		return calls;
	}
}
