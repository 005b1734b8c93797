package dev.polyfn.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import dev.polyfn.local.azure.AzuriteServer;
import dev.polyfn.local.azure.DevelopmentAccountBlobs;

/**
 * The storage account of the Azure storage row: Azurite's blob service (npm, installed on first use as the tests
 * install it) on loopback, with {@code uploads/cat.png} (a 1600×900 PNG) put there over the Blob REST API, so that
 * {@code storeThumbnail}'s cold start includes a real download and upload through {@code AzureWebJobsStorage}.
 * Started once per run.
 */
final class AzuriteForBench {

	private final AzuriteServer server;

	private AzuriteForBench(AzuriteServer server) {
		this.server = server;
	}

	/** Null, with the reason on stderr, when Azurite cannot be installed or started (Node and npm are needed). */
	static AzuriteForBench start(Path workDir) {
		try {
			AzuriteServer server = AzuriteServer.start(Files.createDirectories(workDir).resolve("azurite.log"));
			Runtime.getRuntime().addShutdownHook(new Thread(server::close));
			DevelopmentAccountBlobs blobs = new DevelopmentAccountBlobs(server.endpoint(AzuriteServer.Service.BLOB));
			blobs.createContainer("uploads");
			blobs.putBlob("uploads", "cat.png", BenchImages.png(1600, 900), "image/png");
			return new AzuriteForBench(server);
		}
		catch (Exception failed) {
			System.err.println("Azure storage row: no Azurite (" + failed + ")");
			return null;
		}
	}

	/** The app settings the function gets: the account as AzureWebJobsStorage, as the host hands it over. */
	Map<String, String> environment() {
		return Map.of("AzureWebJobsStorage", server.connectionString(), "FUNCTIONS_WORKER_RUNTIME", "java");
	}
}
