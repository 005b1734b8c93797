package dev.polyfn.messaging.aws;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import dev.polyfn.aws.client.AwsClientException;
import dev.polyfn.aws.client.AwsServiceError;
import dev.polyfn.core.messaging.BatchPublishResult;
import dev.polyfn.core.messaging.Message;
import dev.polyfn.core.messaging.MessagingException;

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

	/** A message a batch answer refused: the entry id it was sent under, the service's code, whether the sender was at fault. */
	record Refusal(String id, String code, boolean senderFault) {
	}

	/** What a SendMessageBatch or PublishBatch call answered: entry id to message id of those sent, and those refused. */
	record Answer(Map<String, String> sent, List<Refusal> refused) {
	}

	/** The entry id a message is sent under: its place in the caller's list, unique within the call. */
	static String entryId(Pending pending) {
		return "m" + pending.index();
	}

	/**
	 * The messages encoded for sending, each that cannot be (too large, empty) recorded as failed in {@code failed}
	 * rather than stopping the others.
	 */
	static List<Pending> encode(List<Message> messages, Function<Message, AwsMessageFormat.Encoded> encoder,
			List<BatchPublishResult.Entry> failed) {
		List<Pending> pending = new ArrayList<>(messages.size());
		for (int i = 0; i < messages.size(); i++) {
			try {
				pending.add(new Pending(i, encoder.apply(messages.get(i))));
			}
			catch (MessagingException refused) {
				failed.add(new BatchPublishResult.Entry(i, null, refused));
			}
		}
		return pending;
	}

	/** Every message of a call that failed as a whole (no answer, throttled, the queue gone): those, and only those. */
	static List<BatchPublishResult.Entry> allFailed(List<Pending> call, MessagingException failure) {
		return call.stream().map(p -> new BatchPublishResult.Entry(p.index(), null, failure)).toList();
	}

	/**
	 * The messages of one call as the service takes them: each with its entry id, group and deduplication ids.
	 */
	static List<AwsMessageFormat.Outgoing> outgoing(List<Pending> call, List<Message> messages, boolean fifo, String alias) {
		List<AwsMessageFormat.Outgoing> outgoing = new ArrayList<>(call.size());
		for (Pending p : call) {
			outgoing.add(AwsMessageFormat.outgoing(entryId(p), p.encoded(), messages.get(p.index()), fifo, alias));
		}
		return outgoing;
	}

	/**
	 * What one call's answer says of each of its messages: sent with the id the service gave it, refused with the
	 * service's code, or not mentioned, which is not an acknowledgement: failed, so the caller sends it again.
	 */
	static List<BatchPublishResult.Entry> answered(String service, String alias, List<Pending> call, Answer answer) {
		Map<String, Integer> indexById = new LinkedHashMap<>();
		call.forEach(p -> indexById.put(entryId(p), p.index()));
		List<BatchPublishResult.Entry> entries = new ArrayList<>(call.size());
		answer.sent().forEach((id, messageId) -> {
			Integer index = indexById.remove(id);
			if (index != null) {
				entries.add(new BatchPublishResult.Entry(index, messageId, null));
			}
		});
		for (Refusal refusal : answer.refused()) {
			Integer index = indexById.remove(refusal.id());
			if (index != null) {
				entries.add(new BatchPublishResult.Entry(index, null,
						AwsMessagingFailures.entry(service, alias, refusal.code(), refusal.senderFault())));
			}
		}
		indexById.values().forEach(index -> entries.add(new BatchPublishResult.Entry(index, null,
				new MessagingException.Failed(alias, service + "'s answer did not mention the message", null))));
		return entries;
	}

	/** One call sent: each message's outcome from the answer, or every message failed when the call failed as a whole. */
	static List<BatchPublishResult.Entry> send(String service, String alias, List<Pending> call, Supplier<Answer> send) {
		try {
			return answered(service, alias, call, send.get());
		}
		catch (AwsServiceError | AwsClientException failed) {
			return allFailed(call, AwsMessagingFailures.translate(service, alias, failed));
		}
	}

	/** The outcomes in the order of the caller's list. */
	static BatchPublishResult inOrder(List<BatchPublishResult.Entry> entries) {
		entries.sort(Comparator.comparingInt(BatchPublishResult.Entry::index));
		return new BatchPublishResult(entries);
	}
}
