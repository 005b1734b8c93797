package dev.polyfn.aliyun.events;

import java.util.List;

import dev.polyfn.core.events.JsonEvents;
import dev.polyfn.core.model.MediaTypes;
import dev.polyfn.core.model.PortableEvent;
import tools.jackson.databind.JsonNode;

/**
 * Log Service (SLS) triggers: a job notice naming the logstore shard and cursor range to read. There is no
 * portable type for it, so the function gets the notice itself as JSON.
 */
final class SlsEventShape implements FcEventShape {

	@Override
	public boolean matches(JsonNode event) {
		return event.isObject() && event.has("jobName") && event.has("taskId")
				&& JsonEvents.at(event, "source", "logstoreName") != null;
	}

	@Override
	public FcEvent read(JsonNode event) {
		String project = JsonEvents.text(event, "source", "projectName");
		String logstore = JsonEvents.text(event, "source", "logstoreName");
		PortableEvent portable = PortableEvent.builder()
				.id(JsonEvents.text(event, "taskId"))
				.source("acs:log:" + project + "/" + logstore)
				.type("log:Job:Triggered")
				.time(JsonEvents.time(event, "cursorTime"))
				.dataContentType(MediaTypes.JSON)
				.data(JsonEvents.toBytes(event))
				.build();
		return new FcEvent.Events("sls", List.of(portable));
	}
}
