package dev.polyfn.messaging.kafka;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;

import dev.polyfn.core.messaging.BatchPublishResult;
import dev.polyfn.core.messaging.Message;
import dev.polyfn.core.messaging.MessageDestination;
import dev.polyfn.core.messaging.MessagingException;
import dev.polyfn.core.messaging.PublishResult;

/**
 * One alias bound to a Kafka topic (queue and topic alike: a Kafka topic is both). A message is one record: the body
 * its value, the group key its key (so one key's messages keep their order in one partition), each attribute a
 * header and the content type the header {@value Message#CONTENT_TYPE_ATTRIBUTE}. The id is
 * {@code <topic>-<partition>@<offset>}. Each publish returns only once the broker has acknowledged it.
 */
final class KafkaTopic implements MessageDestination {

	/** Past the producer's own timeout, so that its answer (not this wait) decides. */
	private static final long WAIT_MARGIN_MS = 2_000;

	private final String alias;
	private final String topic;
	private final ProducerSettings settings;
	private final Supplier<Producer<byte[], byte[]>> producer;

	KafkaTopic(String alias, String topic, ProducerSettings settings, Supplier<Producer<byte[], byte[]>> producer) {
		this.alias = alias;
		this.topic = topic;
		this.settings = settings;
		this.producer = producer;
	}

	@Override
	public String name() {
		return topic;
	}

	@Override
	public PublishResult publish(Message message) {
		return new PublishResult(await(send(message), message));
	}

	/**
	 * One record after the other, each acknowledged before the next is sent. Kafka has no batch call (the producer
	 * groups what is queued), and queueing them all first lets a broker's MESSAGE_TOO_LARGE for one record make the
	 * producer split and resend the whole group: with kafka-clients 4.1.1 the futures of such a group chained until
	 * {@code get} overflowed the stack (KafkaMessagingProviderTest's refused-record case). One by one, one refused
	 * record fails alone and the others keep their order.
	 */
	@Override
	public BatchPublishResult publishBatch(List<Message> messages) {
		return MessageDestination.super.publishBatch(messages);
	}

	private Future<RecordMetadata> send(Message message) {
		byte[] key = message.groupKey() == null ? null : message.groupKey().getBytes(StandardCharsets.UTF_8);
		List<Header> headers = new ArrayList<>(message.attributes().size() + 1);
		message.attributes().forEach((name, value) -> headers.add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8))));
		headers.add(new RecordHeader(Message.CONTENT_TYPE_ATTRIBUTE, message.contentType().getBytes(StandardCharsets.UTF_8)));
		long size = size(message.size(), key, headers);
		if (size > settings.maxMessageBytes()) {
			throw new MessagingException.TooLarge(alias, size, settings.maxMessageBytes());
		}
		try {
			return producer.get().send(new ProducerRecord<>(topic, null, key, message.body(), headers));
		}
		catch (RuntimeException failure) {
			throw KafkaFailures.of(alias, failure, size, settings.maxMessageBytes(), settings);
		}
	}

	private String await(Future<RecordMetadata> sent, Message message) {
		try {
			RecordMetadata acknowledged = sent.get(settings.timeout().toMillis() + WAIT_MARGIN_MS, TimeUnit.MILLISECONDS);
			return acknowledged.topic() + "-" + acknowledged.partition() + "@" + acknowledged.offset();
		}
		catch (ExecutionException failed) {
			throw KafkaFailures.of(alias, failed.getCause(), message.size(), settings.maxMessageBytes(), settings);
		}
		catch (java.util.concurrent.TimeoutException slow) {
			throw KafkaFailures.of(alias, new org.apache.kafka.common.errors.TimeoutException("no acknowledgement", slow),
					message.size(), settings.maxMessageBytes(), settings);
		}
		catch (InterruptedException interrupted) {
			Thread.currentThread().interrupt();
			throw new MessagingException.Failed(alias, "interrupted while waiting for the acknowledgement", interrupted);
		}
	}

	/** What the message weighs against the limit: the value, the key and every header's name and value. */
	static long size(int body, byte[] key, List<Header> headers) {
		long size = body + (key == null ? 0 : key.length);
		for (Header header : headers) {
			size += header.key().getBytes(StandardCharsets.UTF_8).length + header.value().length;
		}
		return size;
	}
}
