package dev.polyfn.messaging.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

import dev.polyfn.core.messaging.BatchPublishResult;
import dev.polyfn.core.messaging.Message;
import dev.polyfn.core.messaging.MessageDestination;
import dev.polyfn.core.messaging.MessagingException;
import dev.polyfn.core.messaging.MessagingSettings;
import dev.polyfn.messaging.aws.testing.FaultyProxy;

/** The SQS provider against moto's SQS on loopback, each message read back with the SDK's own client. */
class SqsMessagingProviderTest {

	private static final SqsMessagingProvider provider = new SqsMessagingProvider();

	/** SQS's throttling answer to a JSON-protocol call (SendMessageBatch's RequestThrottled, API Reference, read 2026-12-07). */
	private static final String THROTTLED = "{\"__type\":\"com.amazonaws.sqs#RequestThrottled\",\"message\":\"Rate exceeded\"}";

	private static FaultyProxy proxy;

	@AfterAll
	static void close() {
		provider.close();
		if (proxy != null) {
			proxy.close();
		}
	}

	/** The queue through a proxy in front of moto: the calls go to the proxy, the queue URL still names moto. */
	private static MessageDestination queueBehindProxy(String url) throws Exception {
		if (proxy == null) {
			proxy = FaultyProxy.start(Moto.server().endpoint());
		}
		proxy.heal();
		return queue(url, Map.of("polyfn.messaging.results.endpoint", proxy.endpoint()));
	}

	private static void throttleNextBatches(int times) {
		proxy.answerNext("SendMessageBatch", times, 400, Map.of("x-amzn-query-error", "RequestThrottled;Sender",
				"Content-Type", "application/x-amz-json-1.0"), THROTTLED);
	}

	private static MessageDestination queue(String destination) {
		return queue(destination, Map.of());
	}

	private static MessageDestination queue(String destination, Map<String, String> more) {
		return provider.open(Moto.settings("results", destination, MessagingSettings.Kind.QUEUE, "sqs", more));
	}

	private static Map<String, String> attributes(software.amazon.awssdk.services.sqs.model.Message received) {
		Map<String, String> attributes = new TreeMap<>();
		received.messageAttributes().forEach((name, value) -> attributes.put(name, value.dataType() + ":" + value.stringValue()));
		return attributes;
	}

	@Test
	void a_json_message_arrives_as_its_text_with_its_attributes_and_content_type() {
		String url = Moto.server().createQueue("json-results");

		String id = queue(url).publish(Message.json(Map.of("orderId", "o-1")).withAttribute("status", "CONFIRMED")).messageId();

		var received = Moto.server().receiveAll(url, 1);
		assertThat(received).hasSize(1);
		assertThat(received.get(0).messageId() + " " + received.get(0).body() + " " + attributes(received.get(0)))
			.isEqualTo(id + " {\"orderId\":\"o-1\"} {content-type=String:application/json, status=String:CONFIRMED}");
	}

	@Test
	void a_queue_named_without_its_url_is_found_by_name() {
		String url = Moto.server().createQueue("named-results");

		queue("named-results").publish(Message.text("by name"));

		assertThat(Moto.server().receiveAll(url, 1)).extracting(m -> m.body()).containsExactly("by name");
	}

	@Test
	void a_body_that_is_not_utf8_is_sent_base64_with_the_attribute_that_says_so() {
		String url = Moto.server().createQueue("binary-results");
		byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0, (byte) 0xff};

		queue(url).publish(Message.bytes(png, "image/png"));

		var received = Moto.server().receiveAll(url, 1).get(0);
		assertThat(Base64.getDecoder().decode(received.body())).isEqualTo(png);
		assertThat(attributes(received)).isEqualTo(Map.of("content-type", "String:image/png",
				"content-transfer-encoding", "String:base64"));
	}

	@Test
	void text_with_a_character_sqs_refuses_is_sent_base64_too() {
		String url = Moto.server().createQueue("control-results");

		queue(url).publish(Message.text("bell \u0007"));

		var received = Moto.server().receiveAll(url, 1).get(0);
		assertThat(new String(Base64.getDecoder().decode(received.body()), StandardCharsets.UTF_8) + " "
				+ received.messageAttributes().get("content-transfer-encoding").stringValue()).isEqualTo("bell \u0007 base64");
	}

	@Test
	void a_batch_of_25_goes_in_calls_of_10_and_every_message_arrives_with_its_id() {
		String url = Moto.server().createQueue("batch-results");
		List<Message> messages = IntStream.range(0, 25).mapToObj(i -> Message.text("n" + i)).toList();

		BatchPublishResult result = queue(url).publishBatch(messages);

		List<String> ids = result.messageIdsOrThrow();
		var received = Moto.server().receiveAll(url, 25);
		assertThat(received).extracting(m -> m.messageId()).containsExactlyInAnyOrderElementsOf(ids);
		assertThat(received).extracting(m -> m.body()).containsExactlyInAnyOrderElementsOf(
				IntStream.range(0, 25).mapToObj(i -> "n" + i).toList());
	}

	@Test
	void in_a_batch_a_message_over_1_mib_is_refused_before_sending_and_the_others_go() {
		String url = Moto.server().createQueue("oversize-results");
		String big = "x".repeat(1_048_577);

		BatchPublishResult result = queue(url).publishBatch(List.of(Message.text("a"), Message.text(big), Message.text("c")));

		assertThat(result.failed()).singleElement().satisfies(entry -> {
			assertThat(entry.index()).isEqualTo(1);
			assertThat(entry.failure()).isInstanceOf(MessagingException.TooLarge.class).hasMessageContaining("'results'");
		});
		assertThat(Moto.server().receiveAll(url, 2)).extracting(m -> m.body()).containsExactlyInAnyOrder("a", "c");
	}

	@Test
	void messages_that_add_up_to_more_than_1_mib_go_in_separate_calls() {
		String url = Moto.server().createQueue("total-results");
		String half = "y".repeat(600_000);

		BatchPublishResult result = queue(url).publishBatch(List.of(Message.text(half), Message.text(half)));

		assertThat(result.allPublished()).isTrue();
		assertThat(Moto.server().receiveAll(url, 2)).hasSize(2);
	}

	@Test
	void max_message_size_refuses_what_a_smaller_queue_limit_would() {
		String url = Moto.server().createQueue("small-results");

		assertThatThrownBy(() -> queue(url, Map.of("polyfn.messaging.results.max-message-size", "1024"))
			.publish(Message.text("z".repeat(1100))))
			.isInstanceOf(MessagingException.TooLarge.class)
			.hasMessage("The message for 'results' has 1143 bytes; that service takes at most 1024");
	}

	@Test
	void a_queue_that_is_not_there_is_not_found_naming_the_alias() {
		assertThatThrownBy(() -> queue("no-such-queue").publish(Message.text("lost")))
			.isInstanceOf(MessagingException.NotFound.class)
			.hasMessage("Messaging destination 'results' does not exist (or is not visible to the function's credentials)");
	}

	@Test
	void a_batch_to_a_queue_that_is_not_there_fails_every_message() {
		BatchPublishResult result = queue("no-such-queue").publishBatch(List.of(Message.text("a"), Message.text("b")));

		assertThat(result.failed()).extracting(e -> e.failure().getClass().getSimpleName()).containsExactly("NotFound", "NotFound");
	}

	@Test
	void on_a_fifo_queue_the_group_key_is_the_message_group_and_a_repeated_message_is_kept_once() {
		String url = Moto.server().createQueue("ordered-results.fifo");
		Message message = Message.text("once").withGroupKey("customer-7");

		MessageDestination queue = queue(url);
		queue.publish(message);
		queue.publish(message);

		var received = Moto.server().receiveAll(url, 1);
		assertThat(received).singleElement().satisfies(m -> assertThat(m.body() + " "
				+ m.attributesAsStrings().get(MessageSystemAttributeName.MESSAGE_GROUP_ID.toString())).isEqualTo("once customer-7"));
	}

	@Test
	void on_a_fifo_queue_a_message_without_a_group_key_goes_to_the_group_of_the_alias() {
		String url = Moto.server().createQueue("plain-results.fifo");

		queue(url).publishBatch(List.of(Message.text("first"), Message.text("second")));

		var received = Moto.server().receiveAll(url, 2);
		List<String> seen = new ArrayList<>();
		received.forEach(m -> seen.add(m.body() + "@" + m.attributesAsStrings().get(MessageSystemAttributeName.MESSAGE_GROUP_ID.toString())));
		assertThat(seen).containsExactly("first@results", "second@results");
	}

	@Test
	void on_a_standard_queue_the_group_key_is_sent_as_the_fair_queue_group() {
		String url = Moto.server().createQueue("fair-results");

		queue(url).publish(Message.text("tenant message").withGroupKey("tenant-4"));

		assertThat(Moto.server().receiveAll(url, 1)).singleElement().satisfies(m -> assertThat(m.body() + " "
				+ m.attributesAsStrings().get(MessageSystemAttributeName.MESSAGE_GROUP_ID.toString())).isEqualTo("tenant message tenant-4"));
	}

	@Test
	void an_empty_body_is_refused_before_sending() {
		assertThatThrownBy(() -> queue("never-asked").publish(Message.bytes(new byte[0], "text/plain")))
			.isInstanceOf(MessagingException.Failed.class).hasMessage("Publishing to 'results' failed: SQS and SNS take no empty message body");
	}

	@Test
	void nothing_listening_at_the_endpoint_is_a_failed_publish() {
		MessageDestination unreachable = provider.open(new MessagingSettings("results", "http://127.0.0.1:" + dev.polyfn.local.Ports.free() + "/123456789012/q",
				MessagingSettings.Kind.QUEUE, "sqs", Map.of("polyfn.messaging.results.endpoint", "http://127.0.0.1:" + dev.polyfn.local.Ports.free(),
						"polyfn.messaging.results.region", "us-east-1", "AWS_ACCESS_KEY_ID", "polyfn-test-access",
						"AWS_SECRET_ACCESS_KEY", "polyfn-test-secret")::get));

		assertThatThrownBy(() -> unreachable.publish(Message.text("nowhere")))
			.isInstanceOf(MessagingException.Failed.class).hasMessage("Publishing to 'results' failed: SQS did not answer");
	}

	@Test
	void a_batch_sqs_throttles_once_is_sent_again_and_every_message_arrives_once() throws Exception {
		String url = Moto.server().createQueue("throttled-results");
		MessageDestination queue = queueBehindProxy(url);
		throttleNextBatches(1);

		BatchPublishResult result = queue.publishBatch(List.of(Message.text("t1"), Message.text("t2"), Message.text("t3")));

		assertThat(result.allPublished()).isTrue();
		assertThat(Moto.server().receiveAll(url, 3)).extracting(m -> m.body()).containsExactlyInAnyOrder("t1", "t2", "t3");
	}

	@Test
	void a_batch_throttled_at_every_attempt_fails_each_message_as_throttled_503() throws Exception {
		String url = Moto.server().createQueue("always-throttled-results");
		MessageDestination queue = queueBehindProxy(url);
		throttleNextBatches(3);

		BatchPublishResult result = queue.publishBatch(List.of(Message.text("u1"), Message.text("u2")));

		assertThat(result.failed()).extracting(e -> e.failure().getClass().getSimpleName() + " " + e.failure().status())
			.containsExactly("Throttled 503", "Throttled 503");
	}

	@Test
	void in_a_batch_a_body_that_is_not_utf8_goes_base64_beside_a_text_one_that_goes_as_is() {
		String url = Moto.server().createQueue("mixed-results");
		byte[] latin1 = "caf\u00e9".getBytes(StandardCharsets.ISO_8859_1);

		queue(url).publishBatch(List.of(Message.bytes(latin1, "text/plain; charset=ISO-8859-1"), Message.text("plain")));

		Map<String, String> seen = new TreeMap<>();
		Moto.server().receiveAll(url, 2).forEach(m -> seen.put(m.body(), attributes(m).getOrDefault("content-transfer-encoding", "-")));
		assertThat(seen).isEqualTo(Map.of(Base64.getEncoder().encodeToString(latin1), "String:base64", "plain", "-"));
	}

	@Test
	void json_special_characters_and_non_ascii_text_arrive_exactly_as_published() {
		String url = Moto.server().createQueue("escaped-results");
		String text = "\"quoted\" back\\slash\ttab\r\nnew line, caf\u00e9, \u4e2d\u6587, \ud83d\ude00";

		queue(url).publish(Message.text(text).withAttribute("note", text));

		var received = Moto.server().receiveAll(url, 1).get(0);
		assertThat(received.body() + "|" + received.messageAttributes().get("note").stringValue()).isEqualTo(text + "|" + text);
	}
}
