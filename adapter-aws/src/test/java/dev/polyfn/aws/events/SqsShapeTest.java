package dev.polyfn.aws.events;

import static dev.polyfn.aws.TestRuntimes.fixture;
import static dev.polyfn.aws.TestRuntimes.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.polyfn.core.model.QueueMessage;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

class SqsShapeTest {

	private final SqsShape shape = new SqsShape();

	@Test
	void record_becomes_a_queue_message() {
		var event = shape.toEvents(fixture("aws/sqs/go-sqs-event.json")).get(0);
		assertThat(event.payload()).isEqualTo(new QueueMessage("MessageID_1", "Message Body",
				Map.of("Attribute1", "AttributeValue1", "Attribute2", "123", "Attribute3", "MTEwMA=="), 2, "SQSQueue"));
	}

	@Test
	void successful_batch_reports_no_failures() {
		JsonNode response = run(shape, "jsonEcho", fixture("aws/sqs/java-libs-sqs_event_product.json"));
		assertThat(response.toString()).isEqualTo("{\"batchItemFailures\":[]}");
	}

	@Test
	void only_the_failed_message_is_reported_in_batch_item_failures() {
		ObjectNode event = (ObjectNode) fixture("aws/sqs/go-sqs-event.json");
		ArrayNode records = (ArrayNode) event.get("Records");
		ObjectNode bad = (ObjectNode) records.get(0).deepCopy();
		bad.put("messageId", "bad-message").put("body", "a bad message");
		records.add(bad);
		JsonNode response = run(shape, "rejectBad", event);
		assertThat(response.toString()).isEqualTo("{\"batchItemFailures\":[{\"itemIdentifier\":\"bad-message\"}]}");
	}
}
