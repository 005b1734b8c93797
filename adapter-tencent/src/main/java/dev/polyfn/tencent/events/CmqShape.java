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

/** CMQ topic trigger: {@code Records[].CMQ} with topicName, msgId, msgBody, msgTag and publishTime. */
final class CmqShape implements EventShape {

	@Override
	public String name() {
		return "CMQ";
	}

	@Override
	public boolean matches(JsonNode event) {
		return Records.firstHas(event, "CMQ");
	}

	@Override
	public NormalisedEvent normalise(JsonNode event) {
		List<PortableEvent> events = new ArrayList<>();
		String firstTopic = null;
		for (JsonNode record : Records.all(event)) {
			JsonNode cmq = JsonEvents.at(record, "CMQ");
			String topic = JsonEvents.text(cmq, "topicName");
			String id = JsonEvents.text(cmq, "msgId");
			String body = JsonEvents.text(cmq, "msgBody");
			Map<String, String> attributes = new LinkedHashMap<>();
			CkafkaShape.putIfPresent(attributes, "topicName", topic);
			CkafkaShape.putIfPresent(attributes, "topicOwner", JsonEvents.text(cmq, "topicOwner"));
			CkafkaShape.putIfPresent(attributes, "subscriptionName", JsonEvents.text(cmq, "subscriptionName"));
			CkafkaShape.putIfPresent(attributes, "msgTag", JsonEvents.text(cmq, "msgTag"));
			CkafkaShape.putIfPresent(attributes, "requestId", JsonEvents.text(cmq, "requestId"));
			events.add(PortableEvent.builder()
					.id(id)
					.source("qcs::cmq:topic/" + topic)
					.type("com.tencent.cmq." + JsonEvents.text(cmq, "type"))
					.time(JsonEvents.time(cmq, "publishTime"))
					.dataContentType(Records.contentTypeOf(body))
					.data(body)
					.payload(new QueueMessage(id, body, attributes, 1, topic))
					.build());
			firstTopic = firstTopic == null ? topic : firstTopic;
		}
		return new NormalisedEvent.EventBatch(FunctionDeployment.Trigger.PUBSUB, firstTopic, "CMQ message", events);
	}
}
