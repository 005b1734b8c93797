package dev.polyfn.messaging.aws;

import java.util.HashMap;
import java.util.Map;

import dev.polyfn.core.messaging.MessagingSettings;
import dev.polyfn.messaging.aws.testing.MotoServer;

/**
 * What every test here shares: one moto server for the whole run, and the test keys as the settings' environment
 * hands them over ({@code AWS_ACCESS_KEY_ID}, {@code AWS_SECRET_ACCESS_KEY}), as Lambda's environment variables do on
 * AWS.
 */
final class Moto {

	/** The role's keys as Lambda would set them; moto takes any. */
	static final Map<String, String> CREDENTIALS = Map.of("AWS_ACCESS_KEY_ID", "polyfn-test-access", "AWS_SECRET_ACCESS_KEY",
			"polyfn-test-secret");

	private static MotoServer server;

	private Moto() {
	}

	static synchronized MotoServer server() {
		if (server == null) {
			try {
				server = MotoServer.start();
			}
			catch (Exception failed) {
				throw new IllegalStateException("moto_server did not start", failed);
			}
		}
		return server;
	}

	/** Settings of an alias bound to the destination, the endpoint and region the server's. */
	static MessagingSettings settings(String alias, String destination, MessagingSettings.Kind kind, String provider,
			Map<String, String> more) {
		Map<String, String> properties = new HashMap<>();
		properties.put("polyfn.messaging." + alias + ".endpoint", server().endpoint());
		properties.put("polyfn.messaging." + alias + ".region", MotoServer.REGION);
		properties.putAll(CREDENTIALS);
		properties.putAll(more);
		return new MessagingSettings(alias, destination, kind, provider, properties::get);
	}
}
