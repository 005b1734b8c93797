package dev.polyfn.packaging.aliyun;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import dev.polyfn.core.events.JsonEvents;
import dev.polyfn.core.testing.Fixtures;
import dev.polyfn.core.testing.PackagedBuild;
import dev.polyfn.local.BootstrapScripts;
import dev.polyfn.local.CodeFolders;
import dev.polyfn.local.LocalServer;

/**
 * The upload ZIP as FC runs it: built with {@code mvn -Paliyun package}, unpacked with its file modes, its
 * {@code bootstrap} started as a child process on a port given by environment, and driven over HTTP as FC does.
 */
class AliyunPackageEndToEndTest {

	private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private static final Set<PosixFilePermission> RWXR_XR_X = PosixFilePermissions.fromString("rwxr-xr-x");

	@TempDir
	static Path code;

	private static Path packaged;

	@BeforeAll
	static void buildAndUnpack() throws IOException {
		packaged = PackagedBuild.of("aliyun");
		try (Stream<Path> files = Files.list(packaged)) {
			Path zip = files.filter(p -> p.toString().endsWith("-aliyun.zip")).findFirst().orElseThrow();
			CodeFolders.unzipKeepingModes(zip, code);
		}
	}

	@Test
	void zip_holds_the_jar_and_an_executable_bash_bootstrap_with_lf_endings() throws IOException {
		Path bootstrap = code.resolve("bootstrap");
		String script = Files.readString(bootstrap);

		assertThat(Files.getPosixFilePermissions(bootstrap)).isEqualTo(RWXR_XR_X);
		assertThat(script).startsWith("#!/bin/bash\n").doesNotContain("\r").contains("exec \"$JAVA\"", "for home in \"/opt/java21\"");
		try (Stream<Path> files = Files.list(code)) {
			assertThat(files.map(p -> p.getFileName().toString())).anyMatch(name -> name.endsWith("-aliyun.jar"));
		}
		try (Stream<Path> files = Files.list(packaged)) {
			Path zip = files.filter(p -> p.toString().endsWith(".zip")).findFirst().orElseThrow();
			assertThat(Files.size(zip)).isLessThan(100L * 1024 * 1024);
		}
	}

	@Test
	void serverless_devs_project_and_summary_describe_the_custom_runtime() throws IOException {
		String yaml = Files.readString(packaged.resolve("s.yaml"));
		String summary = Files.readString(packaged.resolve("DEPLOY.md"));

		assertThat(yaml).contains("edition: 3.0.0", "component: fc3", "runtime: custom.debian12",
				"acs:fc:${vars.region}:official:layers/Java21/versions/2", "JAVA_HOME: /opt/java21", "port: 9000",
				"- /code/bootstrap", "triggerType: http", "triggerType: oss", "triggerType: timer", "triggerType: mns_topic",
				"SPRING_CLOUD_FUNCTION_DEFINITION: 'storeThumbnail'");
		assertThat(summary).contains("examples-aliyun.zip", "custom.debian12", "Java21", "/code/bootstrap", "9000");
	}

	@Test
	void every_layer_the_serverless_devs_project_names_is_one_fc_publishes_today() throws IOException {
		java.util.regex.Matcher layers = java.util.regex.Pattern.compile("(?m)^\\s+- (acs:fc:\\S+)$")
				.matcher(Files.readString(packaged.resolve("s.yaml")));
		int named = 0;
		while (layers.find()) {
			dev.polyfn.packaging.CloudRuntimes.requireUsable("aliyun", layers.group(1), "s.yaml");
			named++;
		}
		assertThat(named).isPositive();
	}

	@Test
	void oss_event_reaches_plan_thumbnail_and_lifecycle_hooks_answer() throws Exception {
		try (Instance instance = Instance.start("planThumbnail")) {
			assertThat(instance.post("/initialize", new byte[0]).statusCode()).isEqualTo(200);

			HttpResponse<String> oss = instance.post("/invoke",
					Fixtures.bytes("aliyun/oss/devsapp-fc3-event-template-oss.json"));

			assertThat(oss.statusCode()).isEqualTo(200);
			assertThat(oss.headers().firstValue("x-fc-status")).contains("200");
			JsonNode plan = JsonEvents.parse(oss.body().getBytes(StandardCharsets.UTF_8));
			assertThat(plan.get("source").asString()).isEqualTo("image/a.jpg");
			assertThat(plan.get("target").asString()).isEqualTo("thumbnails/image/a.jpg");
			assertThat(instance.log()).contains("FC Invoke Start RequestId: e2e-request", "FC Invoke End RequestId: e2e-request");

			assertThat(instance.get("/pre-stop").statusCode()).isEqualTo(200);
			assertThat(instance.exitsWithin(Duration.ofSeconds(15))).isTrue();
		}
	}

	@Test
	void malformed_event_is_a_function_error_for_fc_without_a_stack_trace() throws Exception {
		try (Instance instance = Instance.start("planThumbnail")) {
			byte[] fixture = Fixtures.bytes("aliyun/oss/devsapp-fc3-event-template-oss.json");

			HttpResponse<String> response = instance.post("/invoke", Arrays.copyOf(fixture, fixture.length / 2));

			assertThat(response.statusCode()).isEqualTo(400);
			assertThat(response.headers().firstValue("x-fc-status")).contains("404");
			assertThat(JsonEvents.parse(response.body().getBytes(StandardCharsets.UTF_8)).get("error").asString())
					.isEqualTo("invalid_input");
			assertThat(response.body()).doesNotContain("\tat ").doesNotContain("Exception");

			HttpResponse<String> passThrough = instance.post("/reverse", "hello".getBytes(StandardCharsets.UTF_8));

			assertThat(passThrough.statusCode()).isEqualTo(200);
			assertThat(passThrough.body()).isEqualTo("olleh");
		}
	}

	@Test
	void control_paths_marked_as_http_traffic_are_function_calls_and_over_limit_invokes_carry_x_fc_status() throws Exception {
		try (Instance instance = Instance.start("planThumbnail")) {
			HttpResponse<String> userInvoke = CLIENT.send(instance.request("/invoke")
					.header("x-fc-control-path", "/http-invoke").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
					HttpResponse.BodyHandlers.ofString());
			HttpResponse<String> userPreStop = CLIENT.send(instance.request("/pre-stop")
					.header("x-fc-control-path", "/http-invoke").GET().build(), HttpResponse.BodyHandlers.ofString());
			HttpResponse<String> tooLarge = CLIENT.send(instance.request("/invoke").header("x-fc-control-path", "/invoke")
					.POST(HttpRequest.BodyPublishers.ofByteArray(new byte[33 * 1024 * 1024])).build(),
					HttpResponse.BodyHandlers.ofString());

			assertThat(userInvoke.statusCode()).isEqualTo(404);
			assertThat(userPreStop.statusCode()).isIn(404, 405);
			assertThat(instance.exitsWithin(Duration.ofMillis(500))).as("a user's /pre-stop must not stop the instance").isFalse();
			assertThat(tooLarge.statusCode()).isEqualTo(413);
			assertThat(tooLarge.headers().firstValue("x-fc-status")).contains("404");
			assertThat(tooLarge.body()).contains("\"error\":\"payload_too_large\"");
		}
	}

	@Test
	void timer_event_runs_cleanup_expired() throws Exception {
		try (Instance instance = Instance.start("cleanupExpired")) {
			HttpResponse<String> response = instance.post("/invoke",
					Fixtures.bytes("aliyun/timer/docs-timer-trigger-event.json"));

			assertThat(response.statusCode()).isEqualTo(200);
			JsonNode report = JsonEvents.parse(response.body().getBytes(StandardCharsets.UTF_8));
			assertThat(report.get("schedule").asString()).isEqualTo("timer-trigger");
			assertThat(report.get("firedAt").asString()).isEqualTo("2023-12-26T07:49:00Z");
		}
	}

	@Test
	void http_trigger_event_gets_the_fc3_http_answer_shape() throws Exception {
		try (Instance instance = Instance.start("reverse")) {
			HttpResponse<String> response = instance.post("/invoke",
					Fixtures.bytes("aliyun/http/devsapp-fc3-event-template-http.json"));

			assertThat(response.statusCode()).isEqualTo(200);
			JsonNode answer = JsonEvents.parse(response.body().getBytes(StandardCharsets.UTF_8));
			assertThat(answer.get("statusCode").asInt()).isEqualTo(200);
			assertThat(answer.get("headers").get("Content-Type").asString()).startsWith("text/plain");
			assertThat(answer.get("isBase64Encoded").asBoolean()).isFalse();
			assertThat(answer.get("body").asString()).isEqualTo("ahah");
		}
	}

	/** One FC instance: the unpacked bootstrap running as a child process (polyfn-local's FC bootstrap launcher). */
	private static final class Instance implements AutoCloseable {

		private final LocalServer server;

		private Instance(LocalServer server) {
			this.server = server;
		}

		static Instance start(String definition) throws Exception {
			Path log = Files.createTempFile(code.getParent(), "fc-instance-", ".log");
			Instance instance = new Instance(BootstrapScripts.startFcBootstrap(code,
					Map.of("SPRING_CLOUD_FUNCTION_DEFINITION", definition, "FC_FUNCTION_MEMORY_SIZE", "512"), log));
			if (!instance.server.awaitListening(Duration.ofSeconds(60))) {
				instance.close();
				throw new IllegalStateException("bootstrap did not listen within 60 s:\n" + instance.log());
			}
			long started = instance.server.process().startedAtNanos();
			long ready = System.nanoTime();
			instance.get("/actuator/health");
			long answered = System.nanoTime();
			System.out.printf("FC instance (%s): bootstrap → port ready %d ms, first response %d ms%n", definition,
					(ready - started) / 1_000_000, (answered - started) / 1_000_000);
			return instance;
		}

		HttpResponse<String> post(String path, byte[] body) throws Exception {
			return CLIENT.send(request(path).header("Content-Type", "application/octet-stream")
					.header("x-fc-request-id", "e2e-request").header("x-fc-control-path", controlPath(path))
					.POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
		}

		HttpResponse<String> get(String path) throws Exception {
			return CLIENT.send(request(path).header("x-fc-control-path", controlPath(path)).GET().build(),
					HttpResponse.BodyHandlers.ofString());
		}

		/** FC's marker of the call (custom-runtime spec): the hook's own path, or /http-invoke for HTTP traffic. */
		private static String controlPath(String path) {
			return java.util.Set.of("/invoke", "/initialize", "/pre-stop", "/pre-freeze").contains(path) ? path : "/http-invoke";
		}

		HttpRequest.Builder request(String path) {
			return HttpRequest.newBuilder(URI.create(server.url(path))).timeout(Duration.ofSeconds(30));
		}

		String log() {
			return server.process().log();
		}

		boolean exitsWithin(Duration limit) throws InterruptedException {
			return server.process().awaitExit(limit) != null;
		}

		@Override
		public void close() {
			server.close();
		}
	}
}
