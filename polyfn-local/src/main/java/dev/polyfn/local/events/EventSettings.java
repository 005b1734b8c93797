package dev.polyfn.local.events;

/**
 * What a sample event carries: the function it is for (an HTTP event's path), the body (HTTP body or message),
 * its content type, and the storage object, queue or topic, and schedule it comes from. Null means the default.
 */
public record EventSettings(String function, String body, String contentType, String bucket, String key, String queue,
		String schedule) {

	public static EventSettings defaults() {
		return new EventSettings(null, null, null, null, null, null, null);
	}

	public EventSettings withFunction(String value) {
		return new EventSettings(value, body, contentType, bucket, key, queue, schedule);
	}

	public EventSettings withBody(String value) {
		return new EventSettings(function, value, contentType, bucket, key, queue, schedule);
	}

	public EventSettings withContentType(String value) {
		return new EventSettings(function, body, value, bucket, key, queue, schedule);
	}

	public EventSettings withBucket(String value) {
		return new EventSettings(function, body, contentType, value, key, queue, schedule);
	}

	public EventSettings withKey(String value) {
		return new EventSettings(function, body, contentType, bucket, value, queue, schedule);
	}

	public EventSettings withQueue(String value) {
		return new EventSettings(function, body, contentType, bucket, key, value, schedule);
	}

	public EventSettings withSchedule(String value) {
		return new EventSettings(function, body, contentType, bucket, key, queue, value);
	}

	String functionOr(String fallback) {
		return function == null ? fallback : function;
	}

	String bodyOr(String fallback) {
		return body == null ? fallback : body;
	}

	String contentTypeOr(String fallback) {
		return contentType == null ? fallback : contentType;
	}

	String bucketOr(String fallback) {
		return bucket == null ? fallback : bucket;
	}

	String keyOr(String fallback) {
		return key == null ? fallback : key;
	}

	String queueOr(String fallback) {
		return queue == null ? fallback : queue;
	}

	String scheduleOr(String fallback) {
		return schedule == null ? fallback : schedule;
	}
}
