package dev.polyfn.openwhisk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * Plain actions ({@code wsk action invoke reverse -p text polyfn}), one container per function. The function is
 * the configured one: {@code -Dspring.cloud.function.definition} on the container's JVM stands in for the setting
 * a package carries (application.properties), since the Java runtime passes an action no environment of its own.
 */
class PlainActionThroughProxyTest {

	@Test
	void reverse_gets_the_parameters_as_json_and_its_text_comes_back_under_result() throws Exception {
		try (ProxyUnderTest reverse = ProxyUnderTest.started("plain-reverse",
				List.of("-Dspring.cloud.function.definition=reverse"))) {
			ProxyUnderTest.Answer answer = reverse.run("plain-reverse.json");

			assertThat(answer.status()).isEqualTo(200);
			assertThat(answer.body().get("result").asString()).isEqualTo("}\"nfylop\":\"txet\"{");
		}
	}

	@Test
	void square_answers_its_json_object_as_the_result_and_a_bad_input_as_an_error() throws Exception {
		try (ProxyUnderTest square = ProxyUnderTest.started("plain-square",
				List.of("-Dspring.cloud.function.definition=square"))) {
			JsonNode squares = square.run("plain-square.json").body();
			JsonNode refused = square.run("plain-square-not-numbers.json").body();

			assertThat(squares.toString()).isEqualTo("{\"squares\":[4,9,16]}");
			assertThat(refused.get("error").get("status").asInt()).isEqualTo(400);
			assertThat(refused.get("error").get("error").asString()).isEqualTo("invalid_input");
		}
	}

	@Test
	void the_action_jar_leaves_gson_to_the_runtime() throws Exception {
		List<String> entries = ActionJars.entries(ActionJars.action());

		assertThat(entries).contains("dev/polyfn/openwhisk/OpenWhiskAction.class")
				.noneMatch(name -> name.startsWith("com/google/gson/"))
				.noneMatch(name -> name.startsWith("dev/polyfn/gcp/"));
	}
}
