package dev.polyfn.messaging.aws;

import java.util.HashMap;
import java.util.Map;

import dev.polyfn.core.messaging.MessagingSettings;
import dev.polyfn.messaging.aws.testing.MotoServer;

/**
 * What every test here shares: one moto server for the whole run, and the SDK's own default credentials chain
 * pointed at test keys through the JVM properties the chain reads first ({@code aws.accessKeyId},
 * {@code aws.secretAccessKey}), as Lambda's environment variables would on AWS. EC2 instance metadata is turned off
 * so that no SDK lookup ever leaves the machine.
 */
final class Moto {

	private static MotoServer server;

	private Moto() {
	}

	static synchronized MotoServer server() {
		if (server == null) {
			System.setProperty("aws.accessKeyId", "polyfn-test-access");
			System.setProperty("aws.secretAccessKey", "polyfn-test-secret");
			System.setProperty("aws.disableEc2Metadata", "true");
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
		properties.putAll(more);
		return new MessagingSettings(alias, destination, kind, provider, properties::get);
	}
}
