package dev.polyfn.packaging.openwhisk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.polyfn.core.deploy.FunctionDeployment;
import dev.polyfn.packaging.CloudRuntimes;
import dev.polyfn.packaging.SamplePlans;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** The wsk lines and the wskdeploy manifest an OpenWhisk package carries, and the jar checks before it is written. */
class OpenWhiskPackagerTest {

	private static final OpenWhiskActions ACTIONS = new OpenWhiskActions("order-service", "order-service-openwhisk.jar",
			CloudRuntimes.target("openwhisk", null), "docker.io/me/actionloop-java-v17", OpenWhiskActions.DEFAULT_MAIN, "raw");

	private static FunctionDeployment named(String name) {
		return SamplePlans.everyTrigger().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
	}

	@Test
	void an_http_function_is_a_raw_web_action_on_the_java_17_image_with_its_definition_as_a_parameter() {
		assertThat(ACTIONS.wskLine(named("reverse"))).isEqualTo("wsk action create order-service/reverse"
				+ " order-service-openwhisk.jar --main dev.polyfn.openwhisk.OpenWhiskAction"
				+ " --docker docker.io/me/actionloop-java-v17 --web raw --param SPRING_CLOUD_FUNCTION_DEFINITION reverse"
				+ " --memory 1024 --timeout 30000");
	}

	@Test
	void an_event_function_is_a_plain_action_without_web() {
		assertThat(ACTIONS.wskLine(named("auditEvents"))).doesNotContain("--web")
				.endsWith("--param SPRING_CLOUD_FUNCTION_DEFINITION auditEvents --memory 2048 --timeout 300000");
	}

	@Test
	void the_default_runtime_is_a_java_17_image_and_the_managed_java_8_kind_is_refused() {
		assertThat(CloudRuntimes.target("openwhisk", null).id()).isEqualTo("actionloop-java-v17");
		assertThatThrownBy(() -> CloudRuntimes.requireUsable("openwhisk", "java:8", "polyfn.openwhisk.runtime"))
				.hasMessageContaining("too old");
	}

	@Test
	void the_manifest_holds_one_action_per_function_with_the_wskdeploy_keys() throws Exception {
		JsonNode manifest = new YAMLMapper().readTree(WskdeployManifest.render(ACTIONS, SamplePlans.everyTrigger()));
		JsonNode actions = manifest.at("/packages/order-service/actions");

		assertThat(actions.propertyNames()).containsExactlyInAnyOrder("reverse", "processOrder", "thumbnail",
				"cleanupExpired", "auditEvents");
		JsonNode reverse = actions.get("reverse");
		assertThat(reverse.get("function").asString()).isEqualTo("order-service-openwhisk.jar");
		assertThat(reverse.get("main").asString()).isEqualTo("dev.polyfn.openwhisk.OpenWhiskAction");
		assertThat(reverse.get("docker").asString()).isEqualTo("docker.io/me/actionloop-java-v17");
		assertThat(reverse.get("web").asString()).isEqualTo("raw");
		assertThat(reverse.at("/inputs/SPRING_CLOUD_FUNCTION_DEFINITION").asString()).isEqualTo("reverse");
		assertThat(reverse.at("/limits/memorySize").asInt()).isEqualTo(1024);
		assertThat(reverse.at("/limits/timeout").asInt()).isEqualTo(30000);
		assertThat(actions.get("auditEvents").has("web")).isFalse();
	}

	@Test
	void a_jar_without_gson_is_refused_because_the_actionloop_runtime_has_none_for_it(@TempDir Path dir) throws Exception {
		Path jar = jar(dir.resolve("app.jar"), "dev/polyfn/openwhisk/OpenWhiskAction.class");

		assertThatThrownBy(() -> OpenWhiskPackager.checkJar(jar, OpenWhiskActions.DEFAULT_MAIN))
				.hasMessageContaining("does not contain Gson");
	}

	@Test
	void a_configured_main_class_must_be_in_the_jar(@TempDir Path dir) throws Exception {
		Path jar = jar(dir.resolve("app.jar"), "dev/polyfn/openwhisk/OpenWhiskAction.class", "com/google/gson/JsonObject.class");

		assertThatThrownBy(() -> OpenWhiskPackager.checkJar(jar, "com.example.Actions#reverse"))
				.hasMessageContaining("--main class com.example.Actions");
	}

	@Test
	void the_summary_prints_a_wsk_line_per_function_and_where_the_image_comes_from(@TempDir Path dir) throws Exception {
		Path jar = jar(dir.resolve("order-service-openwhisk.jar"), "x.class");
		List<FunctionDeployment> plan = List.of(named("reverse"));

		String text = OpenWhiskPackager.summary(ACTIONS, plan, jar, dir).render();

		assertThat(text).contains("wsk package update order-service")
				.contains(ACTIONS.wskLine(named("reverse")))
				.contains("docker build -t docker.io/me/actionloop-java-v17 core/java17actionloop")
				.contains("wsk action get order-service/reverse --url");
	}

	private static Path jar(Path file, String... entries) throws Exception {
		try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(file))) {
			for (String entry : entries) {
				out.putNextEntry(new JarEntry(entry));
				out.closeEntry();
			}
		}
		return file;
	}

}
