package dev.polyfn.packaging.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.azure.core.util.BinaryData;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.blob.models.BlobItem;
import com.azure.storage.blob.options.BlobParallelUploadOptions;
import com.azure.storage.blob.models.BlobHttpHeaders;

import dev.polyfn.core.testing.PackagedBuild;
import dev.polyfn.local.AzureFunctionCall;
import dev.polyfn.local.events.Cloud;
import dev.polyfn.local.events.EventSettings;
import dev.polyfn.local.events.SampleEvents;
import dev.polyfn.local.events.Trigger;
import dev.polyfn.local.azure.AzuriteServer;

/**
 * {@code storeThumbnail} in the examples' Azure package ({@code mvn -Pazure package}), called as the Java worker
 * calls it for the host ({@link AzureFunctionCall}, what {@code polyfn:invoke} runs), with the blob trigger's
 * invocation for {@code uploads/cat.png}; the app's storage account ({@code AzureWebJobsStorage}) is Azurite on
 * loopback. The trigger's {@code content} binding carries the blob the host downloaded; this emulation binds text
 * only, so it carries a stand-in, and storeThumbnail reads the image from the container, as on every cloud.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AzureStorageEndToEndTest {

	private AzuriteServer azurite;
	private BlobContainerClient uploads;
	private Path staging;
	private Path work;

	@BeforeAll
	void startTheAccount() throws Exception {
		Path packaged = PackagedBuild.of("azure");
		staging = packaged.resolve("polyfn-examples");
		work = Files.createDirectories(packaged.getParent().getParent().resolve("azure-storage-e2e"));
		azurite = AzuriteServer.start(work.resolve("azurite.log"));
		uploads = new BlobServiceClientBuilder().connectionString(azurite.connectionString()).buildClient()
			.createBlobContainer("uploads");
		uploads.getBlobClient("cat.png").uploadWithResponse(new BlobParallelUploadOptions(BinaryData.fromBytes(
				VirtualHostedBucket.png(1600, 900))).setHeaders(new BlobHttpHeaders().setContentType("image/png")), null, null);
	}

	@AfterAll
	void stop() {
		azurite.close();
	}

	@Test
	void blob_upload_of_cat_png_writes_a_png_thumbnail_that_fits_800_by_800() throws Exception {
		Call call = call("cat.png");

		assertThat(call.exit()).as(call.log()).isZero();
		byte[] thumbnail = uploads.getBlobClient("thumbnails/cat.png").downloadContent().toBytes();
		BufferedImage image = ImageIO.read(new ByteArrayInputStream(thumbnail));
		assertThat(uploads.getBlobClient("thumbnails/cat.png").getProperties().getContentType() + " " + image.getWidth() + "x"
				+ image.getHeight()).isEqualTo("image/png 800x450");
	}

	@Test
	void blob_event_for_the_thumbnail_itself_writes_nothing() throws Exception {
		uploads.getBlobClient("thumbnails/dog.png").upload(BinaryData.fromBytes(VirtualHostedBucket.png(80, 60)));

		Call call = call("thumbnails/dog.png");

		assertThat(call.exit()).as(call.log()).isZero();
		assertThat(call.log()).contains("the object is itself a thumbnail");
		assertThat(uploads.listBlobs().stream().map(BlobItem::getName)).doesNotContain("thumbnails/thumbnails/dog.png");
	}

	@Test
	void blob_event_for_a_blob_that_is_gone_fails_the_invocation_with_not_found() throws Exception {
		Call call = call("gone.png");

		assertThat(call.exit()).isEqualTo(1);
		assertThat(call.result()).contains("404 not_found: No object 'gone.png' in storage 'uploads'").doesNotContain("\\tat ");
	}

	private record Call(int exit, String log, String result) {
	}

	private Call call(String key) throws Exception {
		String id = Integer.toHexString(key.hashCode());
		Path request = Files.writeString(work.resolve("request-" + id + ".json"), SampleEvents.of(Cloud.AZURE, Trigger.STORAGE,
				EventSettings.defaults().withBucket("uploads").withKey(key).withBody("(the blob's bytes)")));
		Path result = work.resolve("result-" + id + ".json");
		Path log = work.resolve("call-" + id + ".log");
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-cp", String.join(File.pathSeparator, AzureFunctionCall.classPath(functionsLibrary(), staging).stream()
					.map(Path::toString).toList()), AzureFunctionCall.class.getName(), staging.toString(), "storeThumbnail",
				request.toString(), result.toString()));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
		builder.environment().put("FUNCTIONS_WORKER_RUNTIME", "java");
		builder.environment().put("AzureWebJobsStorage", azurite.connectionString());
		builder.environment().put("LOGGING_LEVEL_DEV_POLYFN_ANSWERS", "DEBUG");
		Process process = builder.start();
		if (!process.waitFor(120, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			throw new AssertionError("The call took over 120 s:\n" + Files.readString(log));
		}
		return new Call(process.exitValue(), Files.readString(log), Files.exists(result) ? Files.readString(result) : "");
	}

	/**
	 * What the Java worker provides to the functions it loads: azure-functions-java-library (the annotations the
	 * worker binds by) and the core library it depends on (ExecutionContext and the HTTP types).
	 */
	private static List<Path> functionsLibrary() throws Exception {
		return List.of(codeSource(com.microsoft.azure.functions.annotation.BlobTrigger.class),
				codeSource(com.microsoft.azure.functions.ExecutionContext.class));
	}

	private static Path codeSource(Class<?> type) throws Exception {
		return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
	}
}
