package dev.polyfn.messaging.pubsub;

import java.io.IOException;
import java.net.http.HttpClient;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.polyfn.google.auth.GoogleProject;

/**
 * A destination as the topic's full name {@code projects/<project>/topics/<topic>} (the format topics.publish takes
 * in its path): given in full, or a topic id whose project is looked up on the first publish (not at start-up, where
 * a function that never publishes must not ask the metadata server anything).
 */
final class TopicName {

	private static final Pattern FULL = Pattern.compile("projects/([^/]+)/topics/([^/]+)");

	/**
	 * A topic id as Topic's {@code name} describes it (https://cloud.google.com/pubsub/docs/reference/rest/v1/projects.topics,
	 * read 2026-12-06): a letter, then letters, digits, - _ . ~ + %; 3 to 255 characters; not starting with "goog".
	 */
	private static final Pattern ID = Pattern.compile("[A-Za-z][A-Za-z0-9\\-_.~+%]{2,254}");

	private final String topicId;
	private final UnaryOperator<String> environment;
	private final HttpClient http;
	private volatile String full;

	TopicName(String destination, UnaryOperator<String> environment, HttpClient http) {
		Matcher named = FULL.matcher(destination);
		if (named.matches()) {
			this.full = destination;
			this.topicId = named.group(2);
		}
		else {
			this.topicId = destination;
		}
		if (!ID.matcher(topicId).matches() || topicId.toLowerCase(java.util.Locale.ROOT).startsWith("goog")) {
			throw new IllegalStateException("A Pub/Sub destination is a topic id (3 to 255 letters, digits and - _ . ~ + %, "
					+ "starting with a letter) or projects/<project>/topics/<topic>, not '" + destination + "'");
		}
		this.environment = environment;
		this.http = http;
	}

	/** {@code projects/<project>/topics/<topic>}. */
	String full() throws IOException, InterruptedException {
		String known = full;
		if (known == null) {
			known = "projects/" + GoogleProject.find(environment, http) + "/topics/" + topicId;
			full = known;
		}
		return known;
	}
}
