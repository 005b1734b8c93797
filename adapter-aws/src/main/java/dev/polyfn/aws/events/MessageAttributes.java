package dev.polyfn.aws.events;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.polyfn.core.events.JsonEvents;
import tools.jackson.databind.JsonNode;

/** SQS and SNS message attributes flattened to strings (binary values stay base64 text). */
final class MessageAttributes {

	private MessageAttributes() {
	}

	/** {@code {"name": {"<valueField>": "v", ...}}} → {@code {"name": "v"}}; SQS says stringValue, SNS Value. */
	static Map<String, String> read(JsonNode attributes, String valueField) {
		Map<String, String> flat = new LinkedHashMap<>();
		if (attributes != null && attributes.isObject()) {
			attributes.properties().forEach(e -> {
				String value = JsonEvents.text(e.getValue(), valueField);
				if (value == null) {
					value = JsonEvents.text(e.getValue(), "binaryValue");
				}
				if (value != null) {
					flat.put(e.getKey(), value);
				}
			});
		}
		return flat;
	}
}
