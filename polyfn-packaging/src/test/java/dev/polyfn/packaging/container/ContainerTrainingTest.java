package dev.polyfn.packaging.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.polyfn.core.testing.PackagedBuild;
import dev.polyfn.local.CodeFolders;
import dev.polyfn.local.Dockerfile;
import dev.polyfn.local.LocalContainer;
import dev.polyfn.local.LocalJvms;
import dev.polyfn.local.LocalServer;
import dev.polyfn.local.Ports;

/**
 * The Dockerfile's two stages run on this machine as {@code docker build} and the image would run them, with a JDK 25
 * standing in for the base image's (the same release; in the image both stages have the base image's own JVM):
 * stage 1 copies {@code image/app/} to {@code /app} and runs its {@code RUN} (the training run, which writes the AOT
 * cache), stage 2 copies {@code /app} from stage 1 keeping the files' times, and the {@code ENTRYPOINT} starts with
 * the cache. The JVM's own {@code -Xlog:aot} lines (through {@code JDK_JAVA_OPTIONS}, which the launcher reads) say
 * whether it took the cache.
 */
class ContainerTrainingTest {

	private static Path out;

	@TempDir
	Path work;

	@BeforeAll
	static void build() {
		Assumptions.assumeTrue(LocalJvms.home(25).isPresent(), "no JDK 25 (the base image's Java) under /usr/lib/jvm or JAVA_HOME_25");
		out = PackagedBuild.reusing("container");
	}

	@Test
	void the_training_stage_writes_a_cache_that_the_entrypoint_starts_with_and_the_app_answers() throws Exception {
		Path image = trainedImage();
		assertThat(image.resolve(LocalContainer.APP_FOLDER).resolve("app.aot")).isRegularFile();

		String log = startAndCall(image);

		assertThat(log).contains("Opened AOT cache").contains("Using AOT-linked classes: true").doesNotContain("Unable to map shared spaces");
	}

	@Test
	void a_cache_the_jvm_cannot_use_costs_an_error_line_and_the_app_starts_without_it() throws Exception {
		Path image = packageCopy(out.resolve(LocalContainer.APP_FOLDER), work.resolve("mismatched"));
		Files.writeString(image.resolve(LocalContainer.APP_FOLDER).resolve("app.aot"), "not a cache");

		String log = startAndCall(image);

		assertThat(log).contains("Unable to map shared spaces").doesNotContain("Using AOT-linked classes: true");
	}

	/** Stage 1 (COPY image/app, RUN the training) and stage 2 (COPY --from=training /app), as a package folder. */
	private Path trainedImage() throws Exception {
		Dockerfile.Stage training = LocalContainer.dockerfile(out).stage(ContainerImage.TRAINING_STAGE);
		Path trainingApp = packageCopy(out.resolve(LocalContainer.APP_FOLDER), work.resolve("training"))
			.resolve(LocalContainer.APP_FOLDER);
		assertThat(training.runs()).hasSize(1);
		for (List<String> run : training.runs()) {
			Path log = work.resolve("training.log");
			Process process = new ProcessBuilder(Dockerfile.onThisMachine(run, training.workdir(), trainingApp,
					LocalContainer.java(training))).directory(trainingApp.toFile()).redirectErrorStream(true)
				.redirectOutput(log.toFile()).start();
			assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("the training run ends by itself").isTrue();
			assertThat(process.exitValue()).as(Files.readString(log)).isZero();
			assertThat(Files.readString(log)).contains("[polyfn] training run done").contains("AOTCache creation is complete");
		}
		return packageCopy(trainingApp, work.resolve("image"));
	}

	/** The app's answer to POST /reverse from the package's entrypoint, and the JVM's log of the cache. */
	private String startAndCall(Path image) throws Exception {
		Path log = work.resolve("app-" + System.nanoTime() + ".log");
		int port = Ports.free();
		try (LocalServer server = LocalContainer.start(image, port, Map.of("JDK_JAVA_OPTIONS", "-Xlog:aot"), log)) {
			assertThat(server.awaitListening(Duration.ofMinutes(1))).as(server.process().log()).isTrue();
			HttpResponse<String> reverse = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.url("/reverse")))
				.header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("cache")).build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(reverse.body()).isEqualTo("ehcac");
			return server.process().log();
		}
	}

	/** A package folder with the Dockerfile and {@code app} as its image/app/, the files' times kept (as COPY does). */
	private static Path packageCopy(Path app, Path folder) throws IOException {
		CodeFolders.copyTree(app, folder.resolve(LocalContainer.APP_FOLDER), StandardCopyOption.COPY_ATTRIBUTES);
		Files.copy(out.resolve("Dockerfile"), folder.resolve("Dockerfile"));
		return folder;
	}
}
