package dev.polyfn.core.model;

import java.util.Map;

/**
 * One message from a queue or topic (SQS, SNS, Storage Queue, Pub/Sub, MNS, CMQ, CKafka).
 *
 * @param id the message id the cloud assigned
 * @param body the message body as text
 * @param attributes message attributes, flattened to strings
 * @param attempt how many times delivery was attempted, starting at 1
 * @param source the queue or topic the message came from, null when the cloud does not say
 */
public record QueueMessage(String id, String body, Map<String, String> attributes, int attempt, String source) {

	public QueueMessage {
		// Clouds send attributes without values; such an attribute says nothing and must not fail the message.
		Map<String, String> present = new java.util.LinkedHashMap<>();
		if (attributes != null) {
			attributes.forEach((name, value) -> {
				if (name != null && value != null) {
					present.put(name, value);
				}
			});
		}
		attributes = java.util.Collections.unmodifiableMap(present);
	}
}
