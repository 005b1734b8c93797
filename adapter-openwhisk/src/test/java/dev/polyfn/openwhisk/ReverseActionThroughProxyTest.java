package dev.polyfn.openwhisk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.polyfn.local.openwhisk.ControllerResponse;

/**
 * The action DEPLOY.md creates for {@code reverse} ({@code wsk action create examples/reverse
 * examples-openwhisk.jar --main dev.polyfn.openwhisk.OpenWhiskAction ... --web raw --param
 * SPRING_CLOUD_FUNCTION_DEFINITION reverse}) in one container: the packaged jar given to {@code /init} as base64
 * {@code code} with that {@code main}, then activations whose {@code value} carries the action's parameter, as the
 * invoker merges it in. A web action can also be invoked as a plain one ({@code wsk action invoke}).
 */
class ReverseActionThroughProxyTest {

	private static ProxyUnderTest action;

	@BeforeAll
	static void start() throws Exception {
		action = ProxyUnderTest.started("reverse-action", List.of());
	}

	@AfterAll
	static void stop() {
		if (action != null) {
			action.close();
		}
	}

	@Test
	void as_a_plain_action_it_gets_the_parameters_as_json_and_its_text_comes_back_under_result() throws Exception {
		ProxyUnderTest.Answer answer = action.run("plain-reverse.json");

		assertThat(answer.status()).isEqualTo(200);
		// the definition parameter is the deployment's, not the caller's input: only {"text":"polyfn"} is reversed
		assertThat(answer.body().get("result").asString()).isEqualTo("}\"nfylop\":\"txet\"{");
	}

	@Test
	void as_a_web_action_a_text_body_comes_back_as_text() throws Exception {
		ControllerResponse http = action.run("web-reverse-action-text.json").http();

		assertThat(http.status()).isEqualTo(200);
		assertThat(http.contentType()).startsWith("text/plain");
		assertThat(new String(http.body(), StandardCharsets.UTF_8)).isEqualTo("ksihwnepo no nfylop");
	}

	@Test
	void as_a_web_action_a_binary_body_is_read_from_base64() throws Exception {
		ControllerResponse http = action.run("web-reverse-action-binary.json").http();

		assertThat(http.status()).isEqualTo(200);
		assertThat(new String(http.body(), StandardCharsets.UTF_8)).isEqualTo("nfylop");
	}

	@Test
	void deploy_md_creates_reverse_as_this_container_runs_it() throws Exception {
		String deploy = Files.readString(ActionJars.action().resolveSibling("DEPLOY.md"));

		assertThat(deploy).containsPattern("wsk action create examples/reverse examples-openwhisk\\.jar --main "
				+ Pattern.quote(OpenWhiskAction.MAIN) + " --docker \\S+ --web raw --param SPRING_CLOUD_FUNCTION_DEFINITION reverse ");
		assertThat(Files.readString(ActionJars.action().resolveSibling("manifest.yaml")))
				.contains("      reverse:\n        function: examples-openwhisk.jar\n        main: " + OpenWhiskAction.MAIN + "\n");
	}

	@Test
	void the_action_jar_carries_the_entry_class_and_gson_and_no_other_cloud_s_adapter() throws Exception {
		List<String> entries = ActionJars.entries(ActionJars.action());

		assertThat(entries).contains("dev/polyfn/openwhisk/OpenWhiskAction.class", "com/google/gson/JsonObject.class")
				.noneMatch(name -> name.startsWith("dev/polyfn/gcp/") || name.startsWith("dev/polyfn/aws/"));
	}
}
