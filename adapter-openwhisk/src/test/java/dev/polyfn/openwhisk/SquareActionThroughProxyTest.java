package dev.polyfn.openwhisk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.polyfn.core.events.JsonEvents;
import dev.polyfn.local.openwhisk.ControllerResponse;
import tools.jackson.databind.JsonNode;

/**
 * The {@code square} action in one container, with {@code java.util} opened to the proxy
 * ({@code --add-opens}): only then does its copy of the {@code /run} fields into the environment
 * ({@code __OW_ACTIVATION_ID}, ...) work on Java 17, as in an image that starts the proxy so.
 */
class SquareActionThroughProxyTest {

	private static ProxyUnderTest action;

	@BeforeAll
	static void start() throws Exception {
		action = ProxyUnderTest.started("square-action", List.of("--add-opens=java.base/java.util=ALL-UNNAMED"));
	}

	@AfterAll
	static void stop() {
		if (action != null) {
			action.close();
		}
	}

	@Test
	void as_a_plain_action_its_json_object_is_the_result() throws Exception {
		assertThat(action.run("plain-square.json").body().toString()).isEqualTo("{\"squares\":[4,9,16]}");
	}

	@Test
	void as_a_plain_action_a_bad_input_is_an_error_result() throws Exception {
		ProxyUnderTest.Answer refused = action.run("plain-square-not-numbers.json");

		// the proxy answers 200; a result with "error" is what OpenWhisk records as an application error
		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.body().get("error").get("status").asInt()).isEqualTo(400);
		assertThat(refused.body().get("error").get("error").asString()).isEqualTo("invalid_input");
	}

	@Test
	void as_a_web_action_malformed_json_is_a_400_with_the_error_contract_and_the_activation_id_in_the_log()
			throws Exception {
		ProxyUnderTest.Answer answer = action.run("web-square-action-malformed-json.json");
		ControllerResponse http = answer.http();

		assertThat(answer.body().has("error")).as("an application error: the activation counts as failed").isTrue();
		assertThat(http.status()).isEqualTo(400);
		assertThat(http.contentType()).isEqualTo("application/json");
		JsonNode error = JsonEvents.parse(http.body());
		assertThat(error.get("error").asString()).isEqualTo("invalid_input");
		assertThat(error.get("message").asString()).isNotBlank().doesNotContain("\tat ");
		assertThat(action.log()).contains("requestId=3c4d5e6f708142939405c6d7e8f9a0b1");
	}
}
