package dev.polyfn.tencent.events;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.polyfn.core.deploy.FunctionDeployment;
import dev.polyfn.core.events.JsonEvents;
import dev.polyfn.core.model.PortableEvent;
import dev.polyfn.core.model.QueueMessage;
import tools.jackson.databind.JsonNode;

/** CKafka trigger: {@code Records[].Ckafka} with topic, partition, offset, msgKey and msgBody. */
final class CkafkaShape implements EventShape {

	@Override
	public String name() {
		return "CKafka";
	}

	@Override
	public boolean matches(JsonNode event) {
		return Records.firstHas(event, "Ckafka");
	}

	@Override
	public NormalisedEvent normalise(JsonNode event) {
		List<PortableEvent> events = new ArrayList<>();
		String firstTopic = null;
		for (JsonNode record : Records.all(event)) {
			JsonNode kafka = JsonEvents.at(record, "Ckafka");
			String topic = JsonEvents.text(kafka, "topic");
			String partition = JsonEvents.text(kafka, "partition");
			String offset = JsonEvents.text(kafka, "offset");
			String id = topic + "/" + (partition == null || partition.isBlank() ? "-" : partition) + "/" + offset;
			String body = JsonEvents.text(kafka, "msgBody");
			Map<String, String> attributes = new LinkedHashMap<>();
			putIfPresent(attributes, "topic", topic);
			putIfPresent(attributes, "partition", partition);
			putIfPresent(attributes, "offset", offset);
			putIfPresent(attributes, "msgKey", JsonEvents.text(kafka, "msgKey"));
			events.add(PortableEvent.builder()
					.id(id)
					.source("qcs::ckafka:topic/" + topic)
					.type("com.tencent.ckafka.message")
					.subject(JsonEvents.text(kafka, "msgKey"))
					.dataContentType(Records.contentTypeOf(body))
					.data(body)
					.payload(new QueueMessage(id, body, attributes, 1, topic))
					.build());
			firstTopic = firstTopic == null ? topic : firstTopic;
		}
		return new NormalisedEvent.EventBatch(FunctionDeployment.Trigger.QUEUE, firstTopic, "CKafka record", events);
	}

	static void putIfPresent(Map<String, String> map, String name, String value) {
		if (value != null && !value.isBlank()) {
			map.put(name, value);
		}
	}
}
