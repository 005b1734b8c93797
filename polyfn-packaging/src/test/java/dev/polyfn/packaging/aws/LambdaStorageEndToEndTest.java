package dev.polyfn.packaging.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Object;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import dev.polyfn.core.events.JsonEvents;
import dev.polyfn.core.testing.Fixtures;
import dev.polyfn.core.testing.PackagedBuild;
import dev.polyfn.local.LambdaRuntimeApi;
import dev.polyfn.local.LocalLambda;
import dev.polyfn.packaging.CloudRuntimes;
import dev.polyfn.packaging.storage.VirtualHostedBucket;
import dev.polyfn.storage.s3.testing.S3ProxyServer;

/**
 * {@code storeThumbnail} in the examples' upload jar ({@code mvn -Paws package}) under the real Lambda runtime
 * interface client, given S3's own event (the vendor fixture with its bucket and key changed), its bucket on
 * S3Proxy: the function finds the server through {@code AWS_ENDPOINT_URL_S3} and its keys through the variables
 * Lambda sets for the function's role, as on AWS.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LambdaStorageEndToEndTest {

	private static final String ACCESS_KEY = "polyfn-e2e-access";
	private static final String SECRET_KEY = "polyfn-e2e-secret";

	private S3ProxyServer s3;
	private S3Client client;
	private LocalLambda lambda;

	@BeforeAll
	void startTheFunctionAndItsBucket() throws Exception {
		s3 = S3ProxyServer.start(ACCESS_KEY, SECRET_KEY);
		s3.createBucket("uploads");
		client = s3.client();
		client.putObject(r -> r.bucket("uploads").key("cat.png").contentType("image/png"), RequestBody.fromBytes(VirtualHostedBucket.png(1600, 900)));
		Path packaged = PackagedBuild.of("aws");
		LocalLambda.Settings settings = LocalLambda.Settings
			.of(packaged.resolve("examples-aws.jar"), "dev.polyfn.aws.S3Handler::handleRequest",
					LocalLambda.runtimeClientJarsOn(System.getProperty("java.class.path")))
			.withFunctionName("polyfn-e2e-storeThumbnail")
			.withJavaVersion(CloudRuntimes.target("aws", null).java())
			.withEnvironment(Map.of("SPRING_CLOUD_FUNCTION_DEFINITION", "storeThumbnail",
					"POLYFN_STORAGE_UPLOADS_BUCKET", "uploads",
					"AWS_ENDPOINT_URL_S3", s3.endpoint(),
					"AWS_ACCESS_KEY_ID", ACCESS_KEY, "AWS_SECRET_ACCESS_KEY", SECRET_KEY));
		lambda = LocalLambda.start(settings, packaged.getParent().getParent().resolve("lambda-e2e/storeThumbnail.log"));
	}

	@AfterAll
	void stop() throws Exception {
		if (lambda != null) {
			lambda.close();
		}
		client.close();
		s3.close();
	}

	@Test
	void upload_of_cat_png_writes_a_png_thumbnail_that_fits_800_by_800() throws Exception {
		LambdaRuntimeApi.Outcome outcome = invoke("cat.png");

		ResponseBytes<GetObjectResponse> thumbnail = client.getObjectAsBytes(r -> r.bucket("uploads").key("thumbnails/cat.png"));
		BufferedImage image = ImageIO.read(new ByteArrayInputStream(thumbnail.asByteArray()));
		assertThat(thumbnail.response().contentType() + " " + image.getWidth() + "x" + image.getHeight())
			.isEqualTo("image/png 800x450");
		JsonNode answer = JsonEvents.parse(outcome.body().getBytes());
		assertThat(outcome.kind() + " " + answer.get("target").asString() + " " + answer.get("width") + "x" + answer.get("height"))
			.isEqualTo("response thumbnails/cat.png 800x450");
	}

	@Test
	void event_for_the_thumbnail_itself_writes_nothing() throws Exception {
		client.putObject(r -> r.bucket("uploads").key("thumbnails/dog.png").contentType("image/png"), RequestBody.fromBytes(VirtualHostedBucket.png(80, 60)));

		LambdaRuntimeApi.Outcome outcome = invoke("thumbnails/dog.png");

		assertThat(outcome.kind() + " " + JsonEvents.parse(outcome.body().getBytes()).get("reason").asString())
			.isEqualTo("response the object is itself a thumbnail");
		assertThat(keys()).doesNotContain("thumbnails/thumbnails/dog.png");
	}

	@Test
	void event_for_an_object_that_is_gone_answers_not_found_in_the_contract() throws Exception {
		LambdaRuntimeApi.Outcome outcome = invoke("gone.png");

		JsonNode error = JsonEvents.parse(outcome.body().getBytes());
		assertThat(outcome.kind() + " | " + error.get("errorType").asString() + " | " + error.get("errorMessage").asString())
			.isEqualTo("error | dev.polyfn.aws.LambdaFunctionException | 404 not_found: No object 'gone.png' in storage 'uploads'");
	}

	private LambdaRuntimeApi.Outcome invoke(String key) throws Exception {
		ObjectNode event = (ObjectNode) JsonEvents.parse(Fixtures.bytes("aws/s3/go-s3-event.json"));
		ObjectNode s3Entity = (ObjectNode) event.get("Records").get(0).get("s3");
		((ObjectNode) s3Entity.get("bucket")).put("name", "uploads").put("arn", "arn:aws:s3:::uploads");
		((ObjectNode) s3Entity.get("object")).put("key", key);
		try {
			return lambda.api().invoke(JsonEvents.toBytes(event)).get(180, TimeUnit.SECONDS);
		}
		catch (TimeoutException slow) {
			throw new AssertionError("The runtime client posted nothing within 180 s; its output:\n" + lambda.process().log(), slow);
		}
	}

	private List<String> keys() {
		return client.listObjectsV2(r -> r.bucket("uploads")).contents().stream().map(S3Object::key).toList();
	}

}
