package dev.polyfn.messaging.kafka;

import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.ThrottlingQuotaExceededException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

import dev.polyfn.core.messaging.MessagingException;

/**
 * The producer's failures as polyfn's {@link MessagingException}s. The messages name the alias and the kind of
 * failure, never the broker's own text (which names the real topic and the access point); the Kafka exception is
 * the cause, for the log.
 */
final class KafkaFailures {

	private KafkaFailures() {
	}

	static MessagingException of(String alias, Throwable failure, long size, long limit, ProducerSettings settings) {
		if (failure instanceof MessagingException known) {
			return known;
		}
		if (failure instanceof UnknownTopicOrPartitionException || missingTopic(failure)) {
			return new MessagingException.NotFound(alias, failure);
		}
		// SaslAuthenticationException (wrong user or password) is an AuthenticationException; TopicAuthorization and
		// ClusterAuthorization (an ACL without write, or without idempotent write on old brokers) are Authorization ones.
		if (failure instanceof AuthenticationException || failure instanceof AuthorizationException) {
			return new MessagingException.AccessDenied(alias, failure);
		}
		if (failure instanceof RecordTooLargeException || failure instanceof RecordBatchTooLargeException) {
			// The topic's own max.message.bytes is below polyfn's max-message-bytes.
			return new MessagingException.TooLarge(alias, size, limit);
		}
		if (failure instanceof ThrottlingQuotaExceededException) {
			return new MessagingException.Throttled(alias, failure);
		}
		if (failure instanceof TimeoutException) {
			return new MessagingException.Failed(alias, "no acknowledgement from " + settings.bootstrapServers()
					.split(",").length + " bootstrap server(s) within " + settings.timeout().toMillis() + " ms", failure);
		}
		return new MessagingException.Failed(alias, failure.getClass().getSimpleName(), failure);
	}

	/**
	 * Where topics are not created on first use (CKafka's default; polyfn's test broker too), a send to a missing topic
	 * gets no UnknownTopicOrPartition answer of its own: the producer waits {@code max.block.ms} for the topic to
	 * appear in the metadata, then fails with a timeout whose cause is the error the metadata had for the topic
	 * (KafkaProducer#waitOnMetadata in kafka-clients 4.1.1). A broker that cannot be reached times out the same way
	 * without that cause, and stays a plain failure.
	 */
	private static boolean missingTopic(Throwable failure) {
		return failure instanceof TimeoutException && failure.getCause() instanceof UnknownTopicOrPartitionException;
	}
}
