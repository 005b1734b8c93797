package dev.polyfn.packaging.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.polyfn.core.testing.PackagedBuild;
import dev.polyfn.local.LocalContainer;
import dev.polyfn.local.LocalJvms;
import dev.polyfn.local.Ports;
import dev.polyfn.packaging.CloudRuntimes;
import dev.polyfn.packaging.gcp.GcloudFlagCheck;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * {@code mvn -Pcontainer package} on the examples, as a user runs it, and what it wrote: the Knative Service kubectl
 * accepts, the OpenFaaS stack, the Cloud Run line gcloud documents, and the packaged app started exactly as the
 * Dockerfile's entrypoint starts it (same command, {@code PORT} from the environment), serving and draining on SIGTERM.
 * The image itself is not built here (no Docker daemon, no registry): see DEPLOY.md, {@link JibImageTest} for the
 * image Jib builds, and {@link ContainerTrainingTest} for the Dockerfile's training stage.
 */
class ContainerPackageTest {

	private static final YAMLMapper YAML = YAMLMapper.builder().build();

	private static Path out;

	@TempDir
	Path work;

	@BeforeAll
	static void build() {
		out = PackagedBuild.reusing("container");
	}

	@Test
	void kubectl_takes_service_yaml_as_a_knative_service() throws Exception {
		Assumptions.assumeTrue(onPath("kubectl"), "kubectl is not installed: assuming service.yaml parses (not checked)");
		Path kubeconfig = Files.createFile(work.resolve("kubeconfig"));
		try (FakeKubernetesApi api = new FakeKubernetesApi()) {
			Process kubectl = new ProcessBuilder("kubectl", "--kubeconfig=" + kubeconfig, "--cache-dir=" + work.resolve("cache"),
					"--server=" + api.url(), "apply", "--dry-run=client", "--validate=false", "-f", out.resolve("service.yaml").toString())
				.redirectErrorStream(true).start();
			String output = new String(kubectl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			assertThat(kubectl.waitFor(60, TimeUnit.SECONDS)).isTrue();
			assertThat(kubectl.exitValue()).as(output).isZero();
			assertThat(output).contains("service.serving.knative.dev/polyfn-examples created (dry run)");
		}
	}

	@Test
	void service_yaml_has_one_http1_port_8080_and_probes_polyfn_answers() throws Exception {
		JsonNode container = YAML.readTree(out.resolve("service.yaml").toFile()).at("/spec/template/spec/containers/0");
		assertThat(container.at("/ports")).hasSize(1);
		assertThat(container.at("/ports/0/containerPort").asInt()).isEqualTo(8080);
		assertThat(container.at("/ports/0/name").asString()).isEqualTo("http1");
		assertThat(container.at("/readinessProbe/httpGet/path").asString()).isEqualTo("/actuator/health");
		assertThat(container.at("/livenessProbe/httpGet/path").asString()).isEqualTo("/actuator/health");
		assertThat(container.at("/resources/limits/memory").asString()).isEqualTo("1Gi");
		// the examples set no definition: every function by its path, and no variable saying otherwise
		assertThat(container.has("env")).isFalse();
		assertThat(container.at("/image").asString()).isEqualTo("REGISTRY/polyfn-examples:0.1.0-snapshot");
	}

	@Test
	void stack_yml_runs_the_entrypoint_behind_of_watchdog_in_http_mode() throws Exception {
		JsonNode stack = YAML.readTree(out.resolve("stack.yml").toFile());
		assertThat(stack.at("/provider/name").asString()).isEqualTo("openfaas");
		JsonNode function = stack.at("/functions/polyfn-examples");
		assertThat(function.at("/image").asString()).isEqualTo("REGISTRY/polyfn-examples-openfaas:0.1.0-snapshot");
		JsonNode env = function.at("/environment");
		assertThat(env.at("/mode").asString()).isEqualTo("http");
		assertThat(env.at("/upstream_url").asString()).isEqualTo("http://127.0.0.1:8081");
		assertThat(env.at("/PORT").asString()).isEqualTo("8081");
		assertThat(env.at("/fprocess").asString()).isEqualTo(String.join(" ", entrypoint()));
	}

	@Test
	void dockerfile_runs_the_jvm_as_pid_1_as_a_numeric_non_root_user_on_the_default_temurin_row() throws Exception {
		String dockerfile = Files.readString(out.resolve("Dockerfile"));
		assertThat(dockerfile).contains("FROM " + CloudRuntimes.target("container", null).id() + "\n");
		assertThat(dockerfile).containsPattern("(?m)^USER [1-9][0-9]*:[1-9][0-9]*$");
		assertThat(dockerfile).contains("ENV PORT=8080\n");
		assertThat(entrypoint()).startsWith("java").endsWith("-jar", "/app/polyfn-examples.jar");
		// what the COPY lines take from the package is there
		assertThat(out.resolve("image/app/polyfn-examples.jar")).isRegularFile();
		assertThat(out.resolve("image/app/lib")).isDirectoryContaining("glob:**/function-core-*.jar");
	}

	@Test
	void every_gcloud_line_of_deploy_md_uses_only_flags_gcloud_documents() throws Exception {
		Assumptions.assumeTrue(onPath("gcloud"), "gcloud is not installed: the Cloud Run line is not checked");
		List<String> lines = Files.readString(out.resolve("DEPLOY.md")).lines().map(String::trim)
			.filter(l -> l.startsWith("gcloud ")).toList();
		assertThat(lines).anyMatch(l -> l.startsWith("gcloud run deploy polyfn-examples --image=") && l.contains(" --port=8080"));
		assertThat(lines.stream().flatMap(l -> GcloudFlagCheck.problems(l).stream())).isEmpty();
	}

	@Test
	void the_app_started_as_the_entrypoint_serves_on_port_and_drains_a_request_in_flight_on_sigterm() throws Exception {
		Assumptions.assumeTrue(LocalJvms.home(25).isPresent(), "no JDK 25 (the base image's Java) under /usr/lib/jvm or JAVA_HOME_25");
		int port = Ports.free();
		Path log = work.resolve("container.log");
		// The image's java and /app are a JDK 25 here and the package's image/app/ (LocalContainer, as polyfn:invoke runs it).
		Map<String, String> env = new HashMap<>();
		env.put("SPRING_CLOUD_FUNCTION_DEFINITION", null);
		env.put("K_SERVICE", "polyfn-examples");
		env.put("K_CONFIGURATION", "polyfn-examples");
		env.put("K_REVISION", "polyfn-examples-00001");
		Process app = LocalContainer.start(out, port, env, log).process().process();
		try {
			awaitListening(app, port, log);
			HttpClient client = HttpClient.newHttpClient();
			HttpResponse<String> health = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(health.statusCode()).isEqualTo(200);
			HttpResponse<String> reverse = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/reverse"))
				.header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("container")).build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(reverse.body()).isEqualTo("reniatnoc");
			assertThat(Files.readString(log))
				.contains("(K_SERVICE=polyfn-examples, K_CONFIGURATION=polyfn-examples, K_REVISION=polyfn-examples-00001)");

			try (Socket slow = new Socket("127.0.0.1", port)) {
				OutputStream request = slow.getOutputStream();
				request.write(("POST /reverse HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/plain\r\nContent-Length: 8\r\n"
						+ "Connection: close\r\n\r\ndra").getBytes(StandardCharsets.US_ASCII));
				request.flush();
				Thread.sleep(300); // the request is in flight: headers read, body half sent
				app.destroy(); // SIGTERM, as Knative stops an instance
				Thread.sleep(300);
				request.write("ining".getBytes(StandardCharsets.US_ASCII));
				request.flush();
				String answer = readAll(slow.getInputStream());
				assertThat(answer).startsWith("HTTP/1.1 200").endsWith("gniniard");
			}
			assertThat(app.waitFor(15, TimeUnit.SECONDS)).as("exits after the drain").isTrue();
		}
		finally {
			app.destroyForcibly();
		}
	}

	/** The Dockerfile's exec-form ENTRYPOINT (its final stage), as its words. */
	private static List<String> entrypoint() throws Exception {
		List<String> words = LocalContainer.dockerfile(out).image().entrypoint();
		assertThat(words).as("an exec-form ENTRYPOINT [...]").isNotEmpty();
		return words;
	}

	private static void awaitListening(Process app, int port, Path log) throws Exception {
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (System.nanoTime() < deadline) {
			assertThat(app.isAlive()).as("the app is running: " + Files.readString(log)).isTrue();
			try (Socket probe = new Socket("127.0.0.1", port)) {
				return;
			}
			catch (java.io.IOException notYet) {
				Thread.sleep(50);
			}
		}
		throw new AssertionError("the app did not listen on " + port + ": " + Files.readString(log));
	}

	private static String readAll(InputStream in) throws Exception {
		return new String(in.readAllBytes(), StandardCharsets.UTF_8);
	}

	private static boolean onPath(String tool) {
		for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
			if (Files.isExecutable(Path.of(dir, tool))) {
				return true;
			}
		}
		return false;
	}
}
