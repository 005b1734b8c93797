package dev.polyfn.aws.events;

import static dev.polyfn.aws.TestRuntimes.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.polyfn.core.model.QueueMessage;

class SnsShapeTest {

	private final SnsShape shape = new SnsShape();

	@Test
	void notification_becomes_a_message_from_the_topic() {
		var event = shape.toEvents(fixture("aws/sns/java-libs-sns_event.json")).get(0);
		assertThat(event.payload()).isEqualTo(new QueueMessage("dc918f50-80c6-56a2-ba33-d8a9bbf013ab",
				"{\n  \"id\": 42,\n  \"name\": \"Bob\"\n}", Map.of("name", "Bob"), 1, "TopicSendToMe"));
	}

	@Test
	void subject_is_the_event_subject() {
		var event = shape.toEvents(fixture("aws/sns/java-libs-sns_event.json")).get(0);
		assertThat(event.subject()).isEqualTo("Test sns message");
	}
}
