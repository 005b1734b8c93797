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

/** The SQS provider against moto's SQS on loopback, each message read back with the SDK's own client. */
class SqsMessagingProviderTest {

	private static final SqsMessagingProvider provider = new SqsMessagingProvider();

	@AfterAll
	static void close() {
		provider.close();
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
}
