package dev.polyfn.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local SCF runtime API driven by a Custom Runtime {@code bootstrap} written the way Tencent's sample writes one
 * (bash and curl, src/test/resources/scf-custom-runtime), started by {@link BootstrapScripts#startScfCustomRuntime}.
 */
class ScfRuntimeApiTest {

	@TempDir
	Path code;

	private ScfRuntimeApi api;
	private LocalProcess bootstrap;

	@BeforeEach
	void start() throws Exception {
		boolean curl = Files.isExecutable(Path.of("/usr/bin/curl")) || Files.isExecutable(Path.of("/bin/curl"));
		if (!curl) {
			System.err.println("!!! SKIPPED ScfRuntimeApiTest: the sample bootstrap needs curl, which is not installed");
		}
		Assumptions.assumeTrue(curl, "curl is not installed");
		for (String file : List.of("bootstrap", "echo.sh")) {
			Files.copy(resource(file), code.resolve(file));
		}
		Files.setPosixFilePermissions(code.resolve("bootstrap"), PosixFilePermissions.fromString("rwxr-xr-x"));
		api = new ScfRuntimeApi();
		bootstrap = BootstrapScripts.startScfCustomRuntime(code, api, "echo.handle", Map.of(), code.resolve("bootstrap.log"));
		api.ready().get(30, TimeUnit.SECONDS);
	}

	@AfterEach
	void stop() {
		if (bootstrap != null) {
			bootstrap.close();
		}
		if (api != null) {
			api.close();
		}
	}

	@Test
	void an_event_goes_out_on_next_and_what_the_runtime_posts_to_response_completes_it() throws Exception {
		ScfRuntimeApi.Outcome outcome = api.invoke("{\"key\":\"cat.png\"}".getBytes(StandardCharsets.UTF_8))
			.get(30, TimeUnit.SECONDS);
		assertThat(List.of(outcome.error(), outcome.body()))
			.containsExactly(false, "{\"requestId\":\"" + outcome.requestId() + "\",\"event\":{\"key\":\"cat.png\"}}");
	}

	@Test
	void what_the_runtime_posts_to_error_is_an_error_outcome() throws Exception {
		ScfRuntimeApi.Outcome outcome = api.invoke("{\"fail\":true}".getBytes(StandardCharsets.UTF_8)).get(30, TimeUnit.SECONDS);
		assertThat(List.of(outcome.error(), outcome.body()))
			.containsExactly(true, "handler failed for " + outcome.requestId());
	}

	@Test
	void the_runtime_loop_takes_the_next_event_after_an_error() throws Exception {
		api.invoke("{\"fail\":true}".getBytes(StandardCharsets.UTF_8)).get(30, TimeUnit.SECONDS);
		ScfRuntimeApi.Outcome next = api.invoke("{\"n\":2}".getBytes(StandardCharsets.UTF_8)).get(30, TimeUnit.SECONDS);
		assertThat(next.body()).endsWith("\"event\":{\"n\":2}}");
	}

	private static Path resource(String name) throws IOException, URISyntaxException {
		var url = ScfRuntimeApiTest.class.getResource("/scf-custom-runtime/" + name);
		if (url == null) {
			throw new IOException("No test resource scf-custom-runtime/" + name);
		}
		return Path.of(url.toURI());
	}
}
