package dev.polyfn.storage.azure;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.azure.storage.blob.BlobClient;
import com.azure.storage.blob.BlobServiceClientBuilder;

import dev.polyfn.local.azure.AzuriteServer;
import dev.polyfn.local.azure.DevelopmentAccountBlobs;

/** polyfn-local's Shared Key uploads (what the benchmarks seed Azurite with) as the Azure SDK reads them back. */
class DevelopmentAccountBlobsTest {

	private static AzuriteServer azurite;

	@BeforeAll
	static void startAzurite() throws Exception {
		azurite = AzuriteServer.start(Path.of("target/azurite/development-account-blobs.log"));
	}

	@AfterAll
	static void stop() {
		azurite.close();
	}

	@Test
	void a_blob_put_with_shared_key_reads_back_with_its_content_type() throws Exception {
		DevelopmentAccountBlobs blobs = new DevelopmentAccountBlobs(azurite.endpoint(AzuriteServer.Service.BLOB));
		blobs.createContainer("seeded");
		blobs.createContainer("seeded"); // a second time: it exists, which is fine

		blobs.putBlob("seeded", "uploads/cat.txt", "meow".getBytes(StandardCharsets.UTF_8), "text/plain");

		BlobClient read = new BlobServiceClientBuilder().connectionString(azurite.connectionString()).buildClient()
			.getBlobContainerClient("seeded").getBlobClient("uploads/cat.txt");
		assertThat(read.downloadContent().toString() + " " + read.getProperties().getContentType()).isEqualTo("meow text/plain");
	}
}
