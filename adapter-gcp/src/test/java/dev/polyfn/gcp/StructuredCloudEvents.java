package dev.polyfn.gcp;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.Set;

import dev.polyfn.core.events.JsonEvents;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import tools.jackson.databind.JsonNode;

/** Reads a structured-mode CloudEvent fixture into the {@link CloudEvent} the Functions Framework would pass. */
final class StructuredCloudEvents {

	private static final Set<String> CORE = Set.of("specversion", "id", "source", "type", "subject", "time",
			"datacontenttype", "dataschema", "data");

	private StructuredCloudEvents() {
	}

	static CloudEvent read(byte[] json) {
		JsonNode node = JsonEvents.parse(json);
		CloudEventBuilder builder = CloudEventBuilder.v1()
				.withId(JsonEvents.text(node, "id"))
				.withSource(URI.create(JsonEvents.text(node, "source")))
				.withType(JsonEvents.text(node, "type"))
				.withSubject(JsonEvents.text(node, "subject"))
				.withDataContentType(JsonEvents.text(node, "datacontenttype"));
		if (JsonEvents.text(node, "time") != null) {
			builder.withTime(OffsetDateTime.parse(JsonEvents.text(node, "time")));
		}
		if (JsonEvents.at(node, "data") != null) {
			builder.withData(JsonEvents.toBytes(node.get("data")));
		}
		node.properties().forEach(field -> {
			if (!CORE.contains(field.getKey()) && field.getValue().isValueNode()) {
				builder.withExtension(field.getKey(), field.getValue().asString());
			}
		});
		return builder.build();
	}
}
