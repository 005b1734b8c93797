package dev.polyfn.packaging.azure;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import dev.polyfn.azure.host.ForwardingHost;
import dev.polyfn.core.events.JsonEvents;
import dev.polyfn.core.model.Headers;
import dev.polyfn.core.testing.PackagedBuild;

/**
 * The custom-handler ZIP the examples build, unpacked and started the way the Functions host starts a custom
 * handler: host.json's command ({@code /bin/bash polyfn-handler.sh}) in the app folder, FUNCTIONS_CUSTOMHANDLER_PORT
 * set, no {@code java} on PATH and no JAVA_HOME (the custom-handler image has none); then probed and sent
 * requests as the host forwards them.
 */
class PackagedCustomHandlerTest {

	@TempDir
	static Path unpacked;

	private static Process handler;
	private static ForwardingHost host;
	private static long readyMillis;

	@BeforeAll
	static void start() throws Exception {
		Path zip = PackagedBuild.of("azure").resolve("polyfn-examples-azure-custom-handler.zip");
		// unzip keeps the unix modes the ZIP stores, as the platform's unpacking does.
		Process unzip = new ProcessBuilder("unzip", "-q", zip.toString(), "-d", unpacked.toString()).inheritIO().start();
		assertThat(unzip.waitFor()).isZero();
		JsonNode hostJson = JsonEvents.parse(Files.readAllBytes(unpacked.resolve("host.json")));
		String command = JsonEvents.text(hostJson, "customHandler", "description", "defaultExecutablePath");
		String script = JsonEvents.at(hostJson, "customHandler", "description", "arguments").get(0).asString();
		int port;
		try (ServerSocket free = new ServerSocket(0)) {
			port = free.getLocalPort();
		}
		ProcessBuilder builder = new ProcessBuilder(command, script).directory(unpacked.toFile())
				.redirectErrorStream(true).redirectOutput(unpacked.resolve("handler.log").toFile());
		Map<String, String> env = builder.environment();
		env.remove("JAVA_HOME");
		env.put("PATH", "/usr/bin:/bin");
		env.put("FUNCTIONS_CUSTOMHANDLER_PORT", Integer.toString(port));
		long started = System.nanoTime();
		handler = builder.start();
		host = new ForwardingHost(port);
		// The host's IsWorkerReady: probe until any HTTP answer.
		while (true) {
			try {
				host.ping();
				break;
			}
			catch (IOException notYet) {
				assertThat(handler.isAlive()).as(Files.readString(unpacked.resolve("handler.log"))).isTrue();
				assertThat(System.nanoTime() - started).isLessThan(TimeUnit.SECONDS.toNanos(60));
				Thread.sleep(20);
			}
		}
		readyMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
		System.out.println("polyfn custom handler ready for the host after " + readyMillis + " ms");
	}

	@AfterAll
	static void stop() throws Exception {
		if (handler != null) {
			handler.destroy();
			handler.waitFor(10, TimeUnit.SECONDS);
		}
	}

	@Test
	void host_json_runs_the_start_script_and_forwards_http_requests() throws IOException {
		JsonNode hostJson = JsonEvents.parse(Files.readAllBytes(unpacked.resolve("host.json")));

		assertThat(JsonEvents.text(hostJson, "customHandler", "enableForwardingHttpRequest")).isEqualTo("true");
		assertThat(Files.isRegularFile(unpacked.resolve("jre/bin/java"))).isTrue();
		assertThat(Files.isExecutable(unpacked.resolve("jre/bin/java"))).isTrue();
	}

	@Test
	void only_http_functions_are_in_it_and_none_names_a_script_file() throws IOException {
		assertThat(Files.isRegularFile(unpacked.resolve("thumbnail/function.json"))).isTrue();
		assertThat(Files.exists(unpacked.resolve("processOrder"))).isFalse();
		JsonNode function = JsonEvents.parse(Files.readAllBytes(unpacked.resolve("thumbnail/function.json")));
		assertThat(function.has("scriptFile")).isFalse();
		assertThat(JsonEvents.text(function.get("bindings").get(0), "type")).isEqualTo("httpTrigger");
		assertThat(JsonEvents.text(function.get("bindings").get(1), "type")).isEqualTo("http");
	}

	@Test
	void a_png_forwarded_by_the_host_comes_back_as_a_png_thumbnail() throws Exception {
		BufferedImage image = new BufferedImage(1000, 500, BufferedImage.TYPE_INT_RGB);
		ByteArrayOutputStream png = new ByteArrayOutputStream();
		ImageIO.write(image, "png", png);
		Headers headers = new Headers();
		headers.set("Content-Type", "image/png");

		HttpResponse<byte[]> response = host.forward("POST", "/api/thumbnail", "code=test-key", headers,
				png.toByteArray());

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("image/png");
		BufferedImage thumbnail = ImageIO.read(new ByteArrayInputStream(response.body()));
		assertThat(thumbnail.getWidth()).isEqualTo(800);
		assertThat(thumbnail.getHeight()).isEqualTo(400);
	}

	@Test
	void text_forwarded_by_the_host_is_answered_as_on_the_java_worker() throws Exception {
		Headers headers = new Headers();
		headers.set("Content-Type", "text/plain");

		HttpResponse<byte[]> response = host.forward("POST", "/api/reverse", "", headers,
				"hello".getBytes(StandardCharsets.UTF_8));

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("olleh");
	}

	@Test
	void the_class_data_archive_in_the_zip_is_accepted_by_its_jre_on_the_scripts_class_path() throws Exception {
		String script = Files.readString(unpacked.resolve(CustomHandlerScript.NAME));
		java.util.regex.Matcher classPath = java.util.regex.Pattern.compile(" -cp (\\S+) ").matcher(script);
		assertThat(classPath.find()).as(script).isTrue();
		// -Xshare:on: the JVM refuses to start when it cannot map the archive (another JRE, class path or jar time).
		Process java = new ProcessBuilder(unpacked.resolve("jre/bin/java").toString(), "-Xshare:on",
				"-XX:SharedArchiveFile=app.jsa", "-cp", classPath.group(1), "-version").directory(unpacked.toFile())
				.redirectErrorStream(true).start();
		String output = new String(java.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

		assertThat(java.waitFor()).as(output).isZero();
	}
}
