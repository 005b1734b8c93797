package dev.polyfn.tencent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.polyfn.local.BootstrapScripts;
import dev.polyfn.local.LocalServer;

/**
 * The web function as SCF runs it: the ZIP unpacked with its modes, {@code scf_bootstrap} executed from that
 * folder, and real HTTP against the server it starts. SCF forwards to port 9000; the test passes a free port
 * through {@code $PORT}, which the script's server honours.
 */
class TencentWebFunctionPackagedTest {

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private static LocalServer server;
	private static Path log;
	private static String base;

	@BeforeAll
	static void runScfBootstrap() throws Exception {
		Path code = UnpackedTencentPackage.get().code;
		log = Files.createTempFile("scf-web-", ".log");
		server = BootstrapScripts.startScfBootstrap(code, Map.of(), log);
		base = server.url("");
		long started = server.process().startedAtNanos();
		awaitHealthy(Duration.ofSeconds(90));
		System.out.printf("SCF web function answered /actuator/health %d ms after scf_bootstrap started%n",
				(System.nanoTime() - started) / 1_000_000);
	}

	@AfterAll
	static void stop() throws Exception {
		if (server != null) {
			server.close();
		}
	}

	@Test
	void scf_bootstrap_is_an_executable_bash_script_with_lf_endings() throws IOException {
		Path script = UnpackedTencentPackage.get().code.resolve("scf_bootstrap");
		String text = Files.readString(script);
		assertThat(List.of(PosixFilePermissions.toString(Files.getPosixFilePermissions(script)),
				text.startsWith("#!/bin/bash\n"), text.contains("\r"))).containsExactly("rwxr-xr-x", true, false);
	}

	@Test
	void reverse_answers_over_http() throws Exception {
		HttpResponse<String> response = post("/reverse", "text/plain", "hello".getBytes());
		assertThat(response.statusCode() + " " + response.body()).isEqualTo("200 olleh");
	}

	@Test
	void thumbnail_answers_a_png_with_a_smaller_png() throws Exception {
		HttpResponse<byte[]> response = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/thumbnail"))
				.header("Content-Type", "image/png").POST(HttpRequest.BodyPublishers.ofByteArray(TestEvents.png(1600, 1200)))
				.build(), HttpResponse.BodyHandlers.ofByteArray());
		var image = TestEvents.image(response.body());
		assertThat(List.of(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
				image.getWidth() + "x" + image.getHeight())).containsExactly(200, "image/png", "800x600");
	}

	@Test
	void unknown_function_is_a_404_error_body_without_stack_trace() throws Exception {
		HttpResponse<String> response = post("/nosuchfunction", "text/plain", "x".getBytes());
		assertThat(List.of(response.statusCode(), response.body().contains("\"error\":\"function_not_found\""),
				response.body().contains("\tat "))).containsExactly(404, true, false);
	}

	@Test
	void malformed_json_to_square_is_a_400_error_body_without_stack_trace() throws Exception {
		HttpResponse<String> response = post("/square", "application/json", "{\"numbers\": [1, 2".getBytes());
		assertThat(List.of(response.statusCode(), response.body().startsWith("{\"error\":"),
				response.body().contains("\tat "), response.body().contains("Exception"))).containsExactly(400, true, false,
						false);
	}

	private static HttpResponse<String> post(String path, String contentType, byte[] body) throws Exception {
		return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", contentType)
				.POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
	}

	private static void awaitHealthy(Duration timeout) throws Exception {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			if (!server.process().isAlive()) {
				throw new IllegalStateException("scf_bootstrap exited with " + server.process().process().exitValue() + ":\n" + Files.readString(log));
			}
			try {
				HttpResponse<String> health = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health")).build(),
						HttpResponse.BodyHandlers.ofString());
				if (health.statusCode() == 200) {
					return;
				}
			}
			catch (ConnectException notYet) {
				// the server is still starting
			}
			Thread.sleep(50);
		}
		throw new IllegalStateException("scf_bootstrap's server did not answer within " + timeout + ":\n" + Files.readString(log));
	}
}
