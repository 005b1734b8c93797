package dev.polyfn.messaging.pubsub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.polyfn.core.messaging.BatchPublishResult;
import dev.polyfn.core.messaging.Message;
import dev.polyfn.core.messaging.MessageDestination;
import dev.polyfn.core.messaging.MessagingException;
import dev.polyfn.core.messaging.MessagingSettings;
import dev.polyfn.messaging.pubsub.testing.PubSubEmulator;
import dev.polyfn.messaging.pubsub.testing.PubSubEmulator.Received;

/** Publishing through the REST API to Google's Pub/Sub emulator, read back through a pull subscription. */
class PubSubTopicTest {

	private static final String PROJECT = "polyfn-test";
	private static final Duration WAIT = Duration.ofSeconds(10);

	private static PubSubEmulator emulator;

	@BeforeAll
	static void start() throws Exception {
		emulator = PubSubEmulator.start();
	}

	@AfterAll
	static void stop() {
		emulator.close();
	}

	@Test
	void a_message_arrives_with_its_body_attributes_and_content_type() throws Exception {
		String topic = topicWithSubscription("results");

		String id = destination(topic).publish(Message.json(Map.of("orderId", "o-1")).withAttribute("type", "order-result")).messageId();

		List<Received> received = emulator.pull(PROJECT, topic + "-sub", 1, WAIT);
		assertThat(received).singleElement().satisfies(message -> {
			assertThat(message.messageId()).isEqualTo(id);
			assertThat(message.text()).isEqualTo("{\"orderId\":\"o-1\"}");
			assertThat(message.attributes()).containsExactlyInAnyOrderEntriesOf(
					Map.of("type", "order-result", "content-type", "application/json"));
			assertThat(message.orderingKey()).isNull();
		});
	}

	@Test
	void a_binary_body_arrives_unchanged() throws Exception {
		String topic = topicWithSubscription("binary");
		byte[] body = {(byte) 0xff, 0, (byte) 0xc3, 0x28};

		destination(topic).publish(Message.bytes(body, "application/octet-stream"));

		assertThat(emulator.pull(PROJECT, topic + "-sub", 1, WAIT)).singleElement()
			.satisfies(message -> assertThat(message.data()).isEqualTo(body));
	}

	@Test
	void the_group_key_is_the_ordering_key() throws Exception {
		String topic = topicWithSubscription("ordered");

		destination(topic).publish(Message.text("first").withGroupKey("device-7"));

		assertThat(emulator.pull(PROJECT, topic + "-sub", 1, WAIT)).singleElement()
			.satisfies(message -> assertThat(message.orderingKey()).isEqualTo("device-7"));
	}

	@Test
	void a_topic_id_takes_its_project_from_google_cloud_project() throws Exception {
		String topic = topicWithSubscription("by-id");

		MessageDestination byId = open(topic, Map.of("GOOGLE_CLOUD_PROJECT", PROJECT));
		byId.publish(Message.text("hello"));

		assertThat(byId.name()).isEqualTo("projects/" + PROJECT + "/topics/" + topic);
		assertThat(emulator.pull(PROJECT, topic + "-sub", 1, WAIT)).extracting(Received::text).containsExactly("hello");
	}

	@Test
	void a_batch_with_two_ordering_keys_publishes_every_message_with_its_own_key_in_order() throws Exception {
		String topic = topicWithSubscription("batch-keys");
		List<Message> batch = List.of(Message.text("a1").withGroupKey("a"), Message.text("a2").withGroupKey("a"),
				Message.text("b1").withGroupKey("b"), Message.text("none"));

		BatchPublishResult result = destination(topic).publishBatch(batch);

		assertThat(result.allPublished()).isTrue();
		assertThat(result.messageIdsOrThrow()).doesNotHaveDuplicates().hasSize(4);
		List<Received> received = emulator.pull(PROJECT, topic + "-sub", 4, WAIT);
		Map<String, String> keys = new HashMap<>();
		received.forEach(message -> keys.put(message.text(), String.valueOf(message.orderingKey())));
		assertThat(keys).containsExactlyInAnyOrderEntriesOf(Map.of("a1", "a", "a2", "a", "b1", "b", "none", "null"));
	}

	@Test
	void a_batch_of_1001_messages_goes_in_two_requests_and_every_message_gets_an_id() throws Exception {
		String topic = topicWithSubscription("thousand");
		List<Message> batch = IntStream.range(0, 1001).mapToObj(i -> Message.text("m" + i)).toList();

		BatchPublishResult result = destination(topic).publishBatch(batch);

		assertThat(result.messageIdsOrThrow()).hasSize(1001).doesNotHaveDuplicates();
	}

	@Test
	void a_topic_that_does_not_exist_is_not_found_naming_the_alias() {
		MessageDestination missing = destination("no-such-topic");

		assertThatThrownBy(() -> missing.publish(Message.text("x"))).isInstanceOfSatisfying(MessagingException.NotFound.class,
				e -> assertThat(e.getMessage()).isEqualTo("Messaging destination 'results' does not exist (or is not visible to "
						+ "the function's credentials)").doesNotContain("no-such-topic"));
	}

	@Test
	void every_message_of_a_batch_to_a_missing_topic_is_marked_failed() {
		BatchPublishResult result = destination("no-such-topic").publishBatch(List.of(Message.text("1"), Message.text("2")));

		assertThat(result.failed()).extracting(BatchPublishResult.Entry::index).containsExactly(0, 1);
		assertThat(result.failed()).allSatisfy(entry -> assertThat(entry.failure()).isInstanceOf(MessagingException.NotFound.class));
	}

	@Test
	void a_body_over_10_mb_is_refused_before_sending_and_the_rest_of_its_batch_is_published() throws Exception {
		String topic = topicWithSubscription("large");
		Message tooLarge = Message.bytes(new byte[10_000_001], "application/octet-stream");

		assertThatThrownBy(() -> destination(topic).publish(tooLarge)).isInstanceOfSatisfying(MessagingException.TooLarge.class,
				e -> assertThat(e.status()).isEqualTo(413));
		BatchPublishResult result = destination(topic).publishBatch(List.of(Message.text("small"), tooLarge));
		assertThat(result.failed()).singleElement().satisfies(entry -> assertThat(entry.index()).isEqualTo(1));
		assertThat(emulator.pull(PROJECT, topic + "-sub", 1, WAIT)).extracting(Received::text).containsExactly("small");
	}

	@Test
	void an_endpoint_nobody_listens_on_is_a_failure_naming_the_alias() {
		MessageDestination nowhere = open("projects/p/topics/nowhere", Map.of("PUBSUB_EMULATOR_HOST",
				"127.0.0.1:" + dev.polyfn.local.Ports.free()));

		assertThatThrownBy(() -> nowhere.publish(Message.text("x"))).isInstanceOfSatisfying(MessagingException.Failed.class,
				e -> assertThat(e.getMessage()).isEqualTo("Publishing to 'results' failed"));
	}

	@Test
	void a_destination_that_is_no_topic_name_is_refused_when_opened() {
		assertThatThrownBy(() -> open("projects/p/subscriptions/s", Map.of())).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("projects/<project>/topics/<topic>");
	}

	@Test
	void the_provider_serves_both_kinds_on_gcp_only() {
		PubSubMessagingProvider provider = new PubSubMessagingProvider();

		assertThat(provider.isDefaultFor("gcp", MessagingSettings.Kind.QUEUE)).isTrue();
		assertThat(provider.isDefaultFor("gcp", MessagingSettings.Kind.TOPIC)).isTrue();
		assertThat(provider.isDefaultFor("aws", MessagingSettings.Kind.TOPIC)).isFalse();
		assertThat(provider.isDefaultFor("web", MessagingSettings.Kind.QUEUE)).isFalse();
	}

	@Test
	void a_region_selects_its_locational_endpoint() {
		assertThat(PubSubMessagingProvider.regional("europe-west1")).isEqualTo("https://europe-west1-pubsub.googleapis.com");
		assertThat(PubSubMessagingProvider.regional(null)).isEqualTo("https://pubsub.googleapis.com");
		assertThatThrownBy(() -> PubSubMessagingProvider.regional("evil.example.com/")).isInstanceOf(IllegalStateException.class);
	}

	private static String topicWithSubscription(String name) throws Exception {
		String topic = name + "-" + System.nanoTime();
		emulator.createTopic(PROJECT, topic);
		emulator.createSubscription(PROJECT, topic + "-sub", topic);
		return topic;
	}

	private static MessageDestination destination(String topic) {
		return open("projects/" + PROJECT + "/topics/" + topic, Map.of());
	}

	private static MessageDestination open(String destination, Map<String, String> more) {
		Map<String, String> properties = new HashMap<>(Map.of("PUBSUB_EMULATOR_HOST", emulator.host()));
		properties.putAll(more);
		return new PubSubMessagingProvider().open(new MessagingSettings("results", destination, MessagingSettings.Kind.TOPIC,
				"pubsub", properties::get));
	}
}
