package dev.polyfn.packaging.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.node.ObjectNode;

import dev.polyfn.core.events.JsonEvents;
import dev.polyfn.core.testing.Fixtures;
import dev.polyfn.core.testing.PackagedBuild;
import dev.polyfn.local.FunctionsFrameworkInvoker;
import dev.polyfn.local.LocalJvms;
import dev.polyfn.local.LocalServer;
import dev.polyfn.local.Ports;
import dev.polyfn.packaging.CloudRuntimes;
import dev.polyfn.local.gcs.JsonApiTestServer;

/**
 * {@code storeThumbnail} in the examples' GCP package ({@code mvn -Pgcp package}), served by the real Functions
 * Framework (java-function-invoker 2.0.0) as a CloudEvents function, given Cloud Storage's own finalized event (the
 * CloudEvents conformance fixture with its bucket and name changed) in structured mode, as Eventarc delivers it; its
 * bucket on the JSON API test server through {@code STORAGE_EMULATOR_HOST}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GcpStorageEndToEndTest {

	private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private JsonApiTestServer gcs;
	private LocalServer function;

	@BeforeAll
	void startTheFunctionAndItsBucket() throws Exception {
		gcs = JsonApiTestServer.start();
		gcs.createBucket("uploads");
		gcs.put("uploads", "cat.png", VirtualHostedBucket.png(1600, 900), "image/png");
		Path packaged = PackagedBuild.of("gcp");
		Path jar;
		try (Stream<Path> files = Files.list(packaged.resolve("source"))) {
			jar = files.filter(p -> p.toString().endsWith(".jar")).findFirst().orElseThrow();
		}
		Path log = Files.createDirectories(packaged.resolveSibling("e2e-logs")).resolve("invoker-storeThumbnail.log");
		function = FunctionsFrameworkInvoker.start(LocalJvms.java(CloudRuntimes.target("gcp", null).java()).toString(),
				Path.of(System.getProperty("polyfn.gcp.invoker.jar")), jar, "dev.polyfn.gcp.GcpCloudEventsFunction",
				Map.of("SPRING_CLOUD_FUNCTION_DEFINITION", "storeThumbnail", "POLYFN_STORAGE_UPLOADS_BUCKET", "uploads",
						"STORAGE_EMULATOR_HOST", gcs.host()), log, Ports.free());
		assertThat(function.awaitListening(Duration.ofSeconds(90))).as(() -> function.process().log()).isTrue();
	}

	@AfterAll
	void stop() throws Exception {
		if (function != null) {
			function.close();
		}
		gcs.close();
	}

	@Test
	void finalized_cat_png_gets_a_png_thumbnail_that_fits_800_by_800() throws Exception {
		HttpResponse<String> response = deliver("cat.png");

		assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
		BufferedImage image = ImageIO.read(new ByteArrayInputStream(gcs.content("uploads", "thumbnails/cat.png")));
		assertThat(gcs.contentType("uploads", "thumbnails/cat.png") + " " + image.getWidth() + "x" + image.getHeight())
			.isEqualTo("image/png 800x450");
	}

	@Test
	void finalized_thumbnail_writes_nothing() throws Exception {
		gcs.put("uploads", "thumbnails/dog.png", VirtualHostedBucket.png(80, 60), "image/png");

		HttpResponse<String> response = deliver("thumbnails/dog.png");

		assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
		assertThat(gcs.keys("uploads")).doesNotContain("thumbnails/thumbnails/dog.png");
	}

	/** A CloudEvents function only succeeds or fails: the framework answers 500, the contract is in the log (README). */
	@Test
	void finalized_object_that_is_gone_fails_with_not_found_in_the_contract_in_its_log() throws Exception {
		HttpResponse<String> response = deliver("gone.png");

		assertThat(response.statusCode()).isEqualTo(500);
		assertThat(function.process().log()).contains("(google.cloud.storage.object.v1.finalized): 404 not_found: No object "
				+ "'gone.png' in storage 'uploads'");
	}

	private HttpResponse<String> deliver(String name) throws Exception {
		ObjectNode event = (ObjectNode) JsonEvents.parse(Fixtures.bytes("gcp/storage/conformance-storage-cloudevent-input.json"));
		event.put("source", "//storage.googleapis.com/projects/_/buckets/uploads").put("subject", "objects/" + name)
			.put("id", "e2e-" + System.nanoTime());
		((ObjectNode) event.get("data")).put("bucket", "uploads").put("name", name).put("contentType", "image/png")
			.put("id", "uploads/" + name + "/1587627537231057");
		return CLIENT.send(HttpRequest.newBuilder(URI.create(function.url("/")))
			.header("Content-Type", "application/cloudevents+json; charset=utf-8")
			.POST(HttpRequest.BodyPublishers.ofByteArray(JsonEvents.toBytes(event))).build(), HttpResponse.BodyHandlers.ofString());
	}
}
