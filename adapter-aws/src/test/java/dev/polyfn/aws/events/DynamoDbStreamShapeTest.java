package dev.polyfn.aws.events;

import static dev.polyfn.aws.TestRuntimes.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.polyfn.core.model.PortableEvent;

class DynamoDbStreamShapeTest {

	@Test
	void each_change_record_is_an_event_typed_by_its_change() {
		var events = new DynamoDbStreamShape().toEvents(fixture("aws/dynamodb-stream/java-libs-dynamo_event.json"));
		assertThat(events).extracting(PortableEvent::type)
				.containsExactly("aws.dynamodb.INSERT", "aws.dynamodb.MODIFY", "aws.dynamodb.REMOVE");
	}
}
