package dev.polyfn.aws.events;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.polyfn.aws.TestRuntimes;
import dev.polyfn.core.events.JsonEvents;
import dev.polyfn.core.testing.Fixtures;

class DirectInvokeShapeTest {

	@Test
	void unknown_json_reaches_the_function_unchanged() {
		byte[] raw = Fixtures.bytes("aws/direct-invoke/sam-cli-invoke-event_utf8.json");
		byte[] response = new DirectInvokeShape().handle(raw, JsonEvents.parse(raw), TestRuntimes.running("received"),
				TestRuntimes.context());
		assertThat(JsonEvents.parse(response).get("received").asString())
				.isEqualTo(Fixtures.text("aws/direct-invoke/sam-cli-invoke-event_utf8.json"));
	}
}
