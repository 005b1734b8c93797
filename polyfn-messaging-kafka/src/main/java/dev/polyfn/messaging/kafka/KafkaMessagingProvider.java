package dev.polyfn.messaging.kafka;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;

import dev.polyfn.core.messaging.MessageDestination;
import dev.polyfn.core.messaging.MessagingProvider;
import dev.polyfn.core.messaging.MessagingSettings;

/**
 * {@code provider=kafka}, the default on Tencent Cloud for queues and topics alike: CKafka (TDMQ for CKafka) is the
 * message service an SCF function is triggered by, and a Kafka topic serves as both. Works with any Kafka broker.
 * Settings of the alias, or {@code polyfn.messaging.kafka.*} for all ({@link ProducerSettings}):
 * {@code bootstrap-servers} (env {@code POLYFN_MESSAGING_KAFKA_BOOTSTRAP_SERVERS}; the endpoint override for local
 * brokers too), {@code sasl-username}/{@code sasl-password} (CKafka's public access point), {@code security-protocol},
 * {@code max-message-bytes}, {@code timeout}.
 * <p>
 * One producer per distinct settings, made on the first publish (not when the alias is opened: making one resolves
 * the access point), and closed with the application context.
 */
public final class KafkaMessagingProvider implements MessagingProvider, AutoCloseable {

	private final Map<ProducerSettings, Producer<byte[], byte[]>> producers = new ConcurrentHashMap<>();

	@Override
	public String name() {
		return "kafka";
	}

	@Override
	public boolean isDefaultFor(String cloud, MessagingSettings.Kind kind) {
		return "tencent".equals(cloud);
	}

	@Override
	public MessageDestination open(MessagingSettings settings) {
		ProducerSettings producerSettings = ProducerSettings.of(settings);
		return new KafkaTopic(settings.alias(), settings.destination(), producerSettings,
				() -> producers.computeIfAbsent(producerSettings, s -> new KafkaProducer<>(s.producerProperties())));
	}

	/** Every publish has been acknowledged already, so nothing is waiting to be sent: a short close is enough. */
	@Override
	public void close() {
		producers.values().forEach(producer -> producer.close(Duration.ofSeconds(2)));
		producers.clear();
	}
}
