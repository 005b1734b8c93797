package dev.polyfn.storage.s3;

import java.util.HashMap;
import java.util.Map;

import dev.polyfn.core.storage.StorageSettings;
import dev.polyfn.storage.s3.testing.S3ProxyServer;

/**
 * What every S3 test here shares: one S3Proxy for the whole run, and its keys where the AWS credentials chain finds
 * Lambda's: {@code AWS_ACCESS_KEY_ID} and {@code AWS_SECRET_ACCESS_KEY}, as JVM properties here, which an
 * application's settings (Spring's environment, and {@link #settings}) read like environment variables.
 */
final class S3Fixture {

	static final String ACCESS_KEY = "polyfn-test-access";
	static final String SECRET_KEY = "polyfn-test-secret";

	private static S3ProxyServer server;

	private S3Fixture() {
	}

	static synchronized S3ProxyServer server() {
		if (server == null) {
			System.setProperty("AWS_ACCESS_KEY_ID", ACCESS_KEY);
			System.setProperty("AWS_SECRET_ACCESS_KEY", SECRET_KEY);
			try {
				server = S3ProxyServer.start(ACCESS_KEY, SECRET_KEY);
			}
			catch (Exception failed) {
				throw new IllegalStateException("S3Proxy did not start", failed);
			}
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				try {
					server.close();
				}
				catch (Exception ignored) {
					// The JVM is going away.
				}
			}));
		}
		return server;
	}

	/** Settings of an alias bound to the bucket, the endpoint the server's, path style (buckets under 127.0.0.1 have no host name). */
	static StorageSettings settings(String alias, String bucket, Map<String, String> more) {
		Map<String, String> properties = new HashMap<>();
		properties.put("polyfn.storage." + alias + ".endpoint", server().endpoint());
		properties.put("polyfn.storage." + alias + ".path-style", "true");
		properties.put("polyfn.storage." + alias + ".region", "us-east-1");
		properties.putAll(more);
		return new StorageSettings(alias, bucket, "s3", name -> properties.getOrDefault(name, System.getProperty(name)));
	}
}
