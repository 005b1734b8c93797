package dev.polyfn.conformance;

import java.util.List;
import java.util.Map;

/**
 * One way a cloud invokes polyfn (an event shape or a transport), as the conformance kit drives it. Each target
 * turns a case's portable call into its cloud's own request, invokes the adapter exactly as the cloud would, and
 * turns the cloud's response back. Cases the cloud cannot express are listed with the reason, never skipped
 * silently.
 */
public interface Target {

	String name();

	/** Case name → why this cloud cannot express the case. */
	default Map<String, String> exclusions() {
		return Map.of();
	}

	/** A target that speaks HTTP (API gateways, function URLs, HTTP triggers, web servers). */
	interface Http extends Target {

		HttpAnswer call(HttpCall call) throws Exception;
	}

	/** A target that delivers events (queues, storage notifications, timers). */
	interface Events extends Target {

		/** An object was created: runs {@code planThumbnail}; returns what the function answered (JSON). */
		String storageObjectCreated(String bucket, String key, String contentType) throws Exception;

		/** A timer fired: runs {@code cleanupExpired}; returns what the function answered (JSON). */
		String timerFired(String scheduleName) throws Exception;

		/**
		 * A batch of queue messages for {@code processOrder}; returns the indices of the messages the cloud will
		 * deliver again (the failed ones; all of them where the cloud cannot retry one message alone).
		 */
		QueueOutcome queueBatch(List<String> bodies) throws Exception;
	}

	/** Which messages come back, and whether the cloud can retry one message alone. */
	record QueueOutcome(java.util.Set<Integer> redelivered, boolean perItem) {
	}
}
