package dev.polyfn.messaging.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import dev.polyfn.core.messaging.BatchPublishResult;
import dev.polyfn.core.messaging.Message;
import dev.polyfn.core.messaging.MessageDestination;
import dev.polyfn.core.messaging.MessagingException;
import dev.polyfn.core.messaging.MessagingSettings;
import dev.polyfn.local.Ports;
import dev.polyfn.messaging.kafka.testing.KafkaBroker;

/** The provider against a real Kafka broker (KRaft, in this JVM, on loopback), read back with Kafka's consumer. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KafkaMessagingProviderTest {

	private KafkaBroker broker;
	private KafkaMessagingProvider provider;

	@BeforeAll
	void startBroker() {
		broker = KafkaBroker.start();
		System.out.println("Kafka test broker answered " + broker.startMillis() + " ms after start()");
		provider = new KafkaMessagingProvider();
	}

	@AfterAll
	void stop() {
		provider.close();
		broker.close();
	}

	@Test
	void a_message_is_one_record_with_the_body_as_value_the_attributes_as_headers_and_the_group_key_as_key() {
		broker.createTopic("results");

		String id = open("order-results", "results", Map.of()).publish(Message.json(Map.of("orderId", "o-1"))
			.withAttribute("type", "order-result").withGroupKey("o-1")).messageId();

		ConsumerRecord<byte[], byte[]> record = broker.records("results").get(0);
		assertThat(id).isEqualTo("results-0@0");
		assertThat(new String(record.value(), StandardCharsets.UTF_8)).isEqualTo("{\"orderId\":\"o-1\"}");
		assertThat(new String(record.key(), StandardCharsets.UTF_8)).isEqualTo("o-1");
		assertThat(headers(record)).containsExactly(Map.entry("type", "order-result"), Map.entry("content-type", "application/json"));
	}

	@Test
	void a_message_without_group_key_has_no_record_key() {
		broker.createTopic("keyless");

		open("a", "keyless", Map.of()).publish(Message.text("hello"));

		assertThat(broker.records("keyless").get(0).key()).isNull();
	}

	@Test
	void a_batch_is_published_in_order_each_with_its_partition_and_offset() {
		broker.createTopic("batch");

		BatchPublishResult result = open("a", "batch", Map.of()).publishBatch(List.of(Message.text("one"), Message.text("two"), Message.text("three")));

		assertThat(result.messageIdsOrThrow()).containsExactly("batch-0@0", "batch-0@1", "batch-0@2");
		assertThat(broker.records("batch")).extracting(r -> new String(r.value(), StandardCharsets.UTF_8)).containsExactly("one", "two", "three");
	}

	@Test
	void a_message_over_max_message_bytes_is_too_large_and_never_sent() {
		broker.createTopic("small");
		MessageDestination small = open("a", "small", Map.of("max-message-bytes", "100"));

		assertThatThrownBy(() -> small.publish(Message.bytes(new byte[101], "application/octet-stream")))
			.isInstanceOf(MessagingException.TooLarge.class).hasMessageContaining("'a'").hasMessageContaining("at most 100");
		assertThat(broker.records("small")).isEmpty();
	}

	@Test
	void a_record_the_topic_refuses_for_its_size_fails_as_too_large_and_the_rest_of_the_batch_is_published() {
		broker.createTopic("refusing", Map.of("max.message.bytes", "300"));

		BatchPublishResult result = open("a", "refusing", Map.of()).publishBatch(List.of(Message.text("fits"),
				Message.text("x".repeat(400)), Message.text("fits too")));

		assertThat(result.failed()).singleElement().satisfies(entry -> {
			assertThat(entry.index()).isEqualTo(1);
			assertThat(entry.failure()).isInstanceOf(MessagingException.TooLarge.class);
		});
		assertThat(broker.records("refusing")).extracting(r -> new String(r.value(), StandardCharsets.UTF_8)).containsExactly("fits", "fits too");
	}

	@Test
	void a_topic_that_does_not_exist_is_not_found() {
		MessageDestination missing = open("orders-missing", "no-such-topic", Map.of("timeout", "1s"));

		assertThatThrownBy(() -> missing.publish(Message.text("lost?")))
			.isInstanceOf(MessagingException.NotFound.class).hasMessageContaining("'orders-missing'").hasMessageNotContaining("no-such-topic");
	}

	@Test
	void an_access_point_nobody_answers_fails_after_the_timeout_and_is_not_taken_for_a_missing_topic() {
		MessageDestination unreachable = open("a", "results", Map.of("bootstrap-servers", "127.0.0.1:" + Ports.free(), "timeout", "1s"));

		assertThatThrownBy(() -> unreachable.publish(Message.text("anyone?"))).isInstanceOf(MessagingException.Failed.class)
			.hasMessageContaining("within 1000 ms");
	}

	@Test
	void the_sasl_plain_access_point_takes_the_right_user() {
		broker.createTopic("public");

		String id = open("a", "public", Map.of("bootstrap-servers", broker.saslBootstrapServers(), "sasl-username",
				KafkaBroker.SASL_USER, "sasl-password", KafkaBroker.SASL_PASSWORD)).publish(Message.text("over SASL")).messageId();

		assertThat(id).isEqualTo("public-0@0");
	}

	@Test
	void a_wrong_sasl_password_is_access_denied_and_the_message_does_not_leak_it() {
		broker.createTopic("guarded");

		MessageDestination guarded = open("a", "guarded", Map.of("bootstrap-servers", broker.saslBootstrapServers(),
				"sasl-username", KafkaBroker.SASL_USER, "sasl-password", "wrong-password"));

		assertThatThrownBy(() -> guarded.publish(Message.text("denied"))).isInstanceOf(MessagingException.AccessDenied.class)
			.hasMessageNotContaining("wrong-password");
		assertThat(broker.records("guarded")).isEmpty();
	}

	@Test
	void an_alias_without_bootstrap_servers_says_which_variable_to_set() {
		MessagingSettings settings = new MessagingSettings("alerts", "alerts-topic", MessagingSettings.Kind.TOPIC, "kafka", name -> null);

		assertThatThrownBy(() -> provider.open(settings)).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("POLYFN_MESSAGING_KAFKA_BOOTSTRAP_SERVERS");
	}

	@Test
	void it_is_the_default_on_tencent_for_queues_and_topics_and_nowhere_else() {
		assertThat(provider.isDefaultFor("tencent", MessagingSettings.Kind.QUEUE)).isTrue();
		assertThat(provider.isDefaultFor("tencent", MessagingSettings.Kind.TOPIC)).isTrue();
		assertThat(provider.isDefaultFor("aws", MessagingSettings.Kind.QUEUE)).isFalse();
	}

	private MessageDestination open(String alias, String topic, Map<String, String> aliasSettings) {
		Map<String, String> properties = new HashMap<>();
		properties.put("polyfn.messaging.kafka.bootstrap-servers", broker.bootstrapServers());
		aliasSettings.forEach((name, value) -> properties.put("polyfn.messaging." + alias + "." + name, value));
		return provider.open(new MessagingSettings(alias, topic, MessagingSettings.Kind.QUEUE, "kafka", properties::get));
	}

	private static Map<String, String> headers(ConsumerRecord<byte[], byte[]> record) {
		Map<String, String> headers = new java.util.LinkedHashMap<>();
		for (Header header : record.headers()) {
			headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
		}
		return headers;
	}
}
