package dev.polyfn.conformance.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import dev.polyfn.core.testing.PackagedBuild;

/**
 * The README's first command starts the web app as printed (run from the project root, on the package a plain
 * {@code mvn package} makes) and the JVM maps the class-data archive the build trained: the command is run with
 * {@code -Xshare:on}, which refuses to start when the archive does not fit that JVM, class path and jars.
 */
class ReadmeWebAppCommandTest {

	private static final Pattern FIRST_COMMAND = Pattern.compile("```bash\\n#[^\\n]*\\n[^\\n]*&& (java [^\\n]+)\\n");

	@Test
	void the_readme_web_command_starts_the_web_app_with_its_class_data_archive() throws Exception {
		Path root = PackagedBuild.projectRoot();
		Matcher command = FIRST_COMMAND.matcher(Files.readString(root.resolve("README.md")));
		assertThat(command.find()).as("README's first bash block: mvn ... package && java ...").isTrue();
		Path built = PackagedBuild.webPackage(); // examples/target/e2e-web/polyfn/web
		String printed = command.group(1).trim();
		assertThat(printed).contains("-XX:SharedArchiveFile=examples/target/polyfn/web/app.jsa");
		List<String> arguments = new ArrayList<>();
		for (String word : printed.split(" +")) {
			arguments.add(word.replace("examples/target/", root.relativize(built.getParent().getParent()) + "/"));
		}
		arguments.set(0, Path.of(System.getProperty("java.home"), "bin", "java").toString());
		arguments.add(1, "-Xshare:on");
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		Path log = Files.createTempFile("readme-web-", ".log");
		ProcessBuilder builder = new ProcessBuilder(arguments).directory(root.toFile()).redirectErrorStream(true)
				.redirectOutput(log.toFile());
		builder.environment().put("PORT", String.valueOf(port));
		builder.environment().remove("SPRING_CLOUD_FUNCTION_DEFINITION");
		Process server = builder.start();
		try {
			assertThat(reverse(server, port, log)).isEqualTo("olleh");
		}
		finally {
			server.destroy();
			server.waitFor();
		}
	}

	private static String reverse(Process server, int port, Path log) throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/reverse"))
			.header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("hello")).build();
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (System.nanoTime() < deadline) {
			if (!server.isAlive()) {
				throw new AssertionError("The README's web command exited (" + server.exitValue() + "): "
						+ Files.readString(log) + " (arguments " + Arrays.toString(server.info().arguments().orElse(new String[0])) + ")");
			}
			try {
				return http.send(request, HttpResponse.BodyHandlers.ofString()).body();
			}
			catch (ConnectException notYet) {
				Thread.sleep(50);
			}
		}
		throw new AssertionError("The web app did not answer within 60 s: " + Files.readString(log));
	}
}
