package dev.polyfn.packaging.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import dev.polyfn.core.events.JsonEvents;
import dev.polyfn.core.testing.Fixtures;
import dev.polyfn.core.testing.PackagedBuild;
import dev.polyfn.local.BootstrapScripts;
import dev.polyfn.local.CodeFolders;
import dev.polyfn.local.LocalServer;

/**
 * {@code storeThumbnail} in the examples' FC package ({@code mvn -Paliyun package}), started by the package's own
 * {@code bootstrap} as FC's custom runtime starts it, given OSS's own event (the vendor fixture with its bucket and
 * key changed) on {@code /invoke}. The function has what FC gives it: the role's STS credentials in
 * {@code ALIBABA_CLOUD_*} and {@code FC_REGION}; the bucket is virtual-hosted on S3Proxy, reached through
 * {@code POLYFN_STORAGE_OSS_ENDPOINT} instead of the region's OSS endpoint.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FcStorageEndToEndTest {

	private static final HttpClient CLIENT = HttpClient.newHttpClient();

	private VirtualHostedBucket bucket;
	private LocalServer instance;

	@BeforeAll
	void startTheFunctionAndItsBucket() throws Exception {
		Path packaged = PackagedBuild.of("aliyun");
		Path work = packaged.getParent().getParent().resolve("fc-storage-e2e");
		bucket = VirtualHostedBucket.start("uploads", "oss.polyfn.test", work);
		Path code = Files.createDirectories(work.resolve("code"));
		try (Stream<Path> files = Files.list(packaged)) {
			CodeFolders.unzipKeepingModes(files.filter(p -> p.toString().endsWith("-aliyun.zip")).findFirst().orElseThrow(), code);
		}
		instance = BootstrapScripts.startFcBootstrap(code, Map.of("SPRING_CLOUD_FUNCTION_DEFINITION", "storeThumbnail",
				"FC_FUNCTION_MEMORY_SIZE", "1024", "FC_REGION", "cn-hangzhou",
				"ALIBABA_CLOUD_ACCESS_KEY_ID", VirtualHostedBucket.ACCESS, "ALIBABA_CLOUD_ACCESS_KEY_SECRET", VirtualHostedBucket.SECRET,
				"ALIBABA_CLOUD_SECURITY_TOKEN", "fc-sts-token",
				"POLYFN_STORAGE_UPLOADS_BUCKET", "uploads", "POLYFN_STORAGE_OSS_ENDPOINT", bucket.endpoint(),
				"JAVA_OPTS", bucket.hostsFlag()), work.resolve("bootstrap.log"));
		if (!instance.awaitListening(Duration.ofSeconds(60))) {
			throw new IllegalStateException("bootstrap did not listen within 60 s:\n" + instance.process().log());
		}
	}

	@AfterAll
	void stop() throws Exception {
		if (instance != null) {
			instance.close();
		}
		bucket.close();
	}

	@Test
	void oss_upload_of_cat_png_writes_a_png_thumbnail_that_fits_800_by_800() throws Exception {
		HttpResponse<String> response = invoke("cat.png");

		assertThat(response.statusCode() + " " + JsonEvents.parse(response.body().getBytes()).get("target").asString())
			.isEqualTo("200 thumbnails/cat.png");
		assertThat(bucket.describe("thumbnails/cat.png")).isEqualTo("image/png 800x450");
	}

	@Test
	void oss_event_for_the_thumbnail_itself_writes_nothing() throws Exception {
		bucket.put("thumbnails/dog.png", VirtualHostedBucket.png(80, 60));

		HttpResponse<String> response = invoke("thumbnails/dog.png");

		assertThat(JsonEvents.parse(response.body().getBytes()).get("reason").asString()).isEqualTo("the object is itself a thumbnail");
		assertThat(bucket.keys()).doesNotContain("thumbnails/thumbnails/dog.png");
	}

	@Test
	void oss_event_for_an_object_that_is_gone_is_not_found_in_the_contract() throws Exception {
		HttpResponse<String> response = invoke("gone.png");

		JsonNode error = JsonEvents.parse(response.body().getBytes());
		assertThat(response.headers().firstValue("x-fc-status").orElse("") + " " + error.get("error").asString() + " "
				+ error.get("message").asString()).isEqualTo("404 not_found No object 'gone.png' in storage 'uploads'");
	}

	private HttpResponse<String> invoke(String key) throws Exception {
		ObjectNode event = (ObjectNode) JsonEvents.parse(Fixtures.bytes("aliyun/oss/devsapp-fc3-event-template-oss.json"));
		ObjectNode oss = (ObjectNode) event.get("events").get(0).get("oss");
		((ObjectNode) oss.get("bucket")).put("name", "uploads");
		((ObjectNode) oss.get("object")).put("key", key);
		return CLIENT.send(HttpRequest.newBuilder(URI.create(instance.url("/invoke")))
			.header("Content-Type", "application/octet-stream").header("x-fc-request-id", "e2e-" + key.hashCode())
			.header("x-fc-control-path", "/invoke")
			.POST(HttpRequest.BodyPublishers.ofByteArray(JsonEvents.toBytes(event))).build(), HttpResponse.BodyHandlers.ofString());
	}
}
