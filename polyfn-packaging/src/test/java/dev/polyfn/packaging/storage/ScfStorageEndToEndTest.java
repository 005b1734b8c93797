package dev.polyfn.packaging.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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
import dev.polyfn.local.LocalProcess;
import dev.polyfn.local.ScfRuntimeApi;

/**
 * {@code storeThumbnail} in the examples' SCF event function, in the package {@code mvn -Ptencent package} builds
 * (under the console's 50 MB with polyfn-storage-s3), started by the package's own {@code bootstrap} on the Custom Runtime API,
 * given COS's own event (the vendor fixture with its bucket, appid and key changed). The function has what SCF gives
 * it: the role's temporary keys in {@code TENCENTCLOUD_*}, and what serverless.yml sets: the bucket's full name and
 * its region; the bucket is virtual-hosted on S3Proxy, reached through {@code POLYFN_STORAGE_COS_ENDPOINT}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScfStorageEndToEndTest {

	private static final String APPID = "1250000000";

	private VirtualHostedBucket bucket;
	private ScfRuntimeApi api;
	private LocalProcess bootstrap;

	@BeforeAll
	void startTheFunctionAndItsBucket() throws Exception {
		Path packaged = PackagedBuild.of("tencent");
		Path work = packaged.getParent().getParent().resolve("scf-storage-e2e");
		bucket = VirtualHostedBucket.start("uploads-" + APPID, "cos.polyfn.test", work);
		Path code;
		try (Stream<Path> files = Files.list(packaged)) {
			code = CodeFolders.unpacked(files.filter(p -> p.toString().endsWith("-tencent.zip")).findFirst().orElseThrow(), "scf-storage-");
		}
		api = new ScfRuntimeApi();
		bootstrap = BootstrapScripts.startScfCustomRuntime(code, api, "index.main_handler", Map.of(
				"TENCENTCLOUD_SECRETID", VirtualHostedBucket.ACCESS, "TENCENTCLOUD_SECRETKEY", VirtualHostedBucket.SECRET,
				"TENCENTCLOUD_SESSIONTOKEN", "scf-temporary-token",
				"POLYFN_STORAGE_UPLOADS_BUCKET", "uploads-" + APPID, "POLYFN_STORAGE_COS_REGION", "ap-guangzhou",
				"POLYFN_STORAGE_COS_ENDPOINT", bucket.endpoint(), "JAVA_OPTS", bucket.hostsFlag()), work.resolve("bootstrap.log"));
		api.ready().get(120, TimeUnit.SECONDS);
	}

	@AfterAll
	void stop() throws Exception {
		if (bootstrap != null) {
			bootstrap.close();
		}
		if (api != null) {
			api.close();
		}
		bucket.close();
	}

	@Test
	void cos_upload_of_cat_png_writes_a_png_thumbnail_that_fits_800_by_800() throws Exception {
		ScfRuntimeApi.Outcome outcome = invoke("cat.png");

		assertThat(outcome.error() + " " + JsonEvents.parse(outcome.body().getBytes()).get("target").asString())
			.isEqualTo("false thumbnails/cat.png");
		assertThat(bucket.describe("thumbnails/cat.png")).isEqualTo("image/png 800x450");
	}

	@Test
	void cos_event_for_the_thumbnail_itself_writes_nothing() throws Exception {
		bucket.put("thumbnails/dog.png", VirtualHostedBucket.png(80, 60));

		ScfRuntimeApi.Outcome outcome = invoke("thumbnails/dog.png");

		assertThat(JsonEvents.parse(outcome.body().getBytes()).get("reason").asString()).isEqualTo("the object is itself a thumbnail");
		assertThat(bucket.keys()).doesNotContain("thumbnails/thumbnails/dog.png");
	}

	@Test
	void cos_event_for_an_object_that_is_gone_is_not_found_in_the_contract() throws Exception {
		ScfRuntimeApi.Outcome outcome = invoke("gone.png");

		assertThat(outcome.error()).as(outcome.body()).isTrue();
		assertThat(outcome.body()).contains("404", "No object 'gone.png' in storage 'uploads'").doesNotContain("\tat ");
	}

	private ScfRuntimeApi.Outcome invoke(String key) throws Exception {
		ObjectNode event = (ObjectNode) JsonEvents.parse(Fixtures.bytes("tencent/cos/scfcli-generate-event-cos-put.json"));
		ObjectNode cos = (ObjectNode) event.get("Records").get(0).get("cos");
		((ObjectNode) cos.get("cosBucket")).put("name", "uploads").put("appid", APPID);
		((ObjectNode) cos.get("cosObject")).put("key", "/" + APPID + "/uploads/" + key)
			.put("url", "http://uploads-" + APPID + ".cos.ap-guangzhou.myqcloud.com/" + key);
		return api.invoke(JsonEvents.toBytes(event)).get(120, TimeUnit.SECONDS);
	}
}
