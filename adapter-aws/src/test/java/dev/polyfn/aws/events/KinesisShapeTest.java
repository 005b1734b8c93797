package dev.polyfn.aws.events;

import static dev.polyfn.aws.TestRuntimes.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import dev.polyfn.aws.LambdaFunctionException;
import dev.polyfn.aws.TestRuntimes;
import dev.polyfn.core.events.JsonEvents;
import tools.jackson.databind.node.ObjectNode;

class KinesisShapeTest {

	private final KinesisShape shape = new KinesisShape();

	@Test
	void record_data_is_base64_decoded() {
		var event = shape.toEvents(fixture("aws/kinesis/java-libs-kinesis_event.json")).get(0);
		assertThat(event.dataAsString()).isEqualTo("Hello, this is a test 123.");
	}

	@Test
	void invalid_base64_data_fails_the_invocation_with_400() {
		var event = (ObjectNode) fixture("aws/kinesis/java-libs-kinesis_event.json");
		((ObjectNode) event.get("Records").get(0).get("kinesis")).put("data", "not base64!");
		assertThatThrownBy(() -> shape.handle(JsonEvents.toBytes(event), event, TestRuntimes.running("received"),
				TestRuntimes.context()))
				.isInstanceOf(LambdaFunctionException.class)
				.hasMessageStartingWith("400 invalid_input");
	}
}
