package dev.polyfn.local.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class KnativeEventsTest {

	@Test
	void a_queue_message_is_delivered_in_binary_mode_with_its_attributes_as_ce_headers_and_the_value_as_the_body() {
		String structured = SampleEvents.of(Cloud.CONTAINER, Trigger.QUEUE,
				EventSettings.defaults().withBody("{\"numbers\":[2,3,4]}"));

		KnativeEvents.BinaryRequest request = KnativeEvents.binaryMode(structured);

		assertThat(request.headers()).containsEntry("ce-specversion", "1.0").containsEntry("ce-type", "dev.knative.kafka.event")
			.containsEntry("Content-Type", "application/json").containsKey("ce-id").containsKey("ce-source")
			.doesNotContainKey("ce-data").doesNotContainKey("ce-datacontenttype");
		assertThat(new String(request.body(), StandardCharsets.UTF_8)).isEqualTo("{\"numbers\":[2,3,4]}");
	}

	@Test
	void text_data_stays_text_and_data_base64_is_decoded() {
		KnativeEvents.BinaryRequest text = KnativeEvents.binaryMode(SampleEvents.of(Cloud.CONTAINER, Trigger.SCHEDULE,
				EventSettings.defaults().withBody("tick")));
		KnativeEvents.BinaryRequest binary = KnativeEvents.binaryMode("{\"specversion\":\"1.0\",\"id\":\"1\",\"source\":\"/s\","
				+ "\"type\":\"t\",\"datacontenttype\":\"image/png\",\"data_base64\":\"iVBORw==\"}");

		assertThat(text.headers()).containsEntry("Content-Type", "text/plain; charset=utf-8")
			.containsEntry("ce-type", "dev.knative.sources.ping");
		assertThat(new String(text.body(), StandardCharsets.UTF_8)).isEqualTo("tick");
		assertThat(binary.headers()).containsEntry("Content-Type", "image/png");
		assertThat(binary.body()).containsExactly(0x89, 'P', 'N', 'G');
	}
}
