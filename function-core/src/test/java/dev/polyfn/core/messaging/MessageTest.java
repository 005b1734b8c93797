package dev.polyfn.core.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class MessageTest {

	record Reading(String deviceId, double temperature) {
	}

	@Test
	void a_json_message_is_the_value_written_by_the_shared_mapper() {
		Message message = Message.json(new Reading("d-1", 31.5));

		assertThat(List.of(message.bodyText(), message.contentType()))
			.containsExactly("{\"deviceId\":\"d-1\",\"temperature\":31.5}", "application/json");
	}

	@Test
	void a_body_that_is_not_utf8_has_no_text() {
		assertThat(Message.bytes(new byte[] { (byte) 0xff, 0x00, (byte) 0xfe }, "image/png").bodyText()).isNull();
	}

	@Test
	void the_body_cannot_be_changed_through_the_array_given_or_returned() {
		byte[] body = { 'a' };
		Message message = Message.bytes(body, "text/plain");
		body[0] = 'b';
		message.body()[0] = 'c';

		assertThat(message.bodyText()).isEqualTo("a");
	}

	@Test
	void more_attributes_than_every_service_takes_are_refused() {
		Map<String, String> nine = new HashMap<>();
		for (int i = 0; i < 9; i++) {
			nine.put("a" + i, "v");
		}

		assertThatThrownBy(() -> new Message(new byte[0], null, nine, null)).hasMessageContaining("at most 8");
	}

	@Test
	void an_attribute_name_reserved_by_a_service_is_refused() {
		assertThatThrownBy(() -> Message.text("x").withAttribute("AWS.trace", "1")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> Message.text("x").withAttribute("googclient", "1")).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void an_empty_attribute_value_is_refused_since_sqs_and_sns_refuse_it() {
		assertThatThrownBy(() -> Message.text("x").withAttribute("kind", "")).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void a_partial_batch_throws_its_first_failure_when_the_ids_are_asked_for() {
		MessagingException tooLarge = new MessagingException.TooLarge("alerts", 300_000, 262_144);
		BatchPublishResult result = new BatchPublishResult(List.of(new BatchPublishResult.Entry(0, "m-1", null),
				new BatchPublishResult.Entry(1, null, tooLarge)));

		assertThat(result.failed()).extracting(BatchPublishResult.Entry::index).containsExactly(1);
		assertThatThrownBy(result::messageIdsOrThrow).isSameAs(tooLarge);
	}
}
