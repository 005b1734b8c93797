package dev.polyfn.messaging.pubsub;

import java.net.http.HttpClient;
import java.time.Duration;

import dev.polyfn.core.messaging.MessageDestination;
import dev.polyfn.core.messaging.MessagingProvider;
import dev.polyfn.core.messaging.MessagingSettings;
import dev.polyfn.google.auth.AccessTokens;
import dev.polyfn.google.auth.GoogleEndpoint;

/**
 * {@code provider=pubsub}, the default on Google Cloud for both kinds: a Pub/Sub topic is GCP's queue and its topic
 * (each subscription gets every message). The destination is a topic id, in the project of {@code GOOGLE_CLOUD_PROJECT}
 * or the metadata server, or a full {@code projects/<project>/topics/<topic>}.
 *
 * <p>Requests go to the global endpoint {@code https://pubsub.googleapis.com} with Application Default Credentials
 * ({@link AccessTokens}); the alias's {@code region} setting sends them to that region's locational endpoint
 * {@code https://<region>-pubsub.googleapis.com} instead ("Pub/Sub APIs overview",
 * https://cloud.google.com/pubsub/docs/reference/service_apis_overview, read 2026-12-06): ordered delivery by ordering
 * key holds for messages published in one region, and the global endpoint keeps a request from inside Google Cloud in
 * the region it comes from, so a function in one region needs it only to make that explicit. {@code PUBSUB_EMULATOR_HOST}
 * ({@code host:port}, the variable Google's client libraries honour, "Testing apps locally with the emulator",
 * https://cloud.google.com/pubsub/docs/emulator, read 2026-12-06) sends them to the emulator over plain HTTP without a
 * token; the {@code endpoint} setting anywhere else. One HTTP client and one token source for the provider.
 */
public final class PubSubMessagingProvider implements MessagingProvider {

	static final String GLOBAL = "https://pubsub.googleapis.com";

	/** The scope topics.publish takes (its reference page's "Authorization scopes", read 2026-12-06). */
	static final String SCOPE = "https://www.googleapis.com/auth/pubsub";

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
	private volatile AccessTokens tokens;

	@Override
	public String name() {
		return "pubsub";
	}

	@Override
	public boolean isDefaultFor(String cloud, MessagingSettings.Kind kind) {
		return "gcp".equals(cloud);
	}

	@Override
	public MessageDestination open(MessagingSettings settings) {
		GoogleEndpoint endpoint = GoogleEndpoint.of(settings.get("endpoint"), settings.raw("PUBSUB_EMULATOR_HOST"),
				regional(settings.get("region")));
		TopicName topic = new TopicName(settings.destination(), settings.properties(), http);
		return new PubSubTopic(http, endpoint.base(), endpoint.emulated() ? null : tokens(settings), topic, settings.alias());
	}

	/** The locational endpoint of a region, or the global one. */
	static String regional(String region) {
		if (region == null) {
			return GLOBAL;
		}
		if (!region.matches("[a-z]+-[a-z]+[0-9]+")) {
			throw new IllegalStateException("A Pub/Sub region is a Google Cloud region such as us-central1, not '" + region + "'");
		}
		return "https://" + region + "-pubsub.googleapis.com";
	}

	private AccessTokens tokens(MessagingSettings settings) {
		AccessTokens made = tokens;
		if (made == null) {
			made = AccessTokens.find(settings.properties(), http, SCOPE);
			tokens = made;
		}
		return made;
	}
}
