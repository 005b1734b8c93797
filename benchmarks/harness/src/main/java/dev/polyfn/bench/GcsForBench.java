package dev.polyfn.bench;

import java.io.IOException;
import java.util.Map;

import dev.polyfn.local.gcs.JsonApiTestServer;

/**
 * The bucket of the GCP storage row: polyfn-local's Cloud Storage JSON API test server on loopback (no
 * JSON API server runs here without Docker or Go: see its Javadoc), in the harness's JVM, with
 * {@code uploads/cat.png} (a 1600×900 PNG), so that {@code storeThumbnail}'s cold start includes a real GET and
 * insert over HTTP through {@code STORAGE_EMULATOR_HOST}. Started once per run.
 */
final class GcsForBench implements AutoCloseable {

	private final JsonApiTestServer server;

	private GcsForBench(JsonApiTestServer server) {
		this.server = server;
	}

	static GcsForBench start() {
		try {
			JsonApiTestServer server = JsonApiTestServer.start();
			server.createBucket("uploads");
			server.put("uploads", "cat.png", BenchImages.png(1600, 900), "image/png");
			GcsForBench gcs = new GcsForBench(server);
			Runtime.getRuntime().addShutdownHook(new Thread(gcs::close));
			return gcs;
		}
		catch (IOException | RuntimeException failed) {
			System.err.println("GCS storage row: no JSON API test server (" + failed + ")");
			return null;
		}
	}

	/** What the function is started with: the bucket alias and the emulator host, as a user tests it. */
	Map<String, String> environment() {
		return Map.of("SPRING_CLOUD_FUNCTION_DEFINITION", "storeThumbnail", "POLYFN_STORAGE_UPLOADS_BUCKET", "uploads",
				"STORAGE_EMULATOR_HOST", server.host());
	}

	@Override
	public void close() {
		server.close();
	}
}
