package dev.polyfn.openwhisk;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.polyfn.core.events.JsonEvents;
import tools.jackson.databind.JsonNode;

/**
 * The examples as one raw web action ({@code wsk action create examples examples-openwhisk.jar --main
 * dev.polyfn.openwhisk.OpenWhiskAction --web raw}) with no function configured: {@code __ow_path} picks the
 * function, as {@code https://APIHOST/api/v1/web/guest/default/examples.http/reverse} would.
 */
class WebActionThroughProxyTest {

	private static ProxyUnderTest action;

	@BeforeAll
	static void start() throws Exception {
		action = ProxyUnderTest.started("web-examples", List.of());
	}

	@AfterAll
	static void stop() {
		if (action != null) {
			action.close();
		}
	}

	@Test
	void reverse_answers_a_text_body_as_text() throws Exception {
		JsonNode result = action.run("web-raw-reverse-text.json").body();

		assertThat(result.get("statusCode").asInt()).isEqualTo(200);
		assertThat(result.get("headers").get("Content-Type").asString()).startsWith("text/plain");
		assertThat(result.get("body").asString()).isEqualTo("ksihwnepo no nfylop");
	}

	@Test
	void reverse_reads_a_binary_body_from_base64() throws Exception {
		JsonNode result = action.run("web-raw-reverse-binary.json").body();

		assertThat(result.get("statusCode").asInt()).isEqualTo(200);
		assertThat(result.get("body").asString()).isEqualTo("nfylop");
	}

	@Test
	void thumbnail_answers_a_png_as_base64_with_its_content_type() throws Exception {
		JsonNode result = action.run("web-raw-thumbnail-png.json").body();

		assertThat(result.get("statusCode").asInt()).isEqualTo(200);
		assertThat(result.get("headers").get("Content-Type").asString()).isEqualTo("image/png");
		byte[] png = Base64.getDecoder().decode(result.get("body").asString());
		BufferedImage thumbnail = ImageIO.read(new ByteArrayInputStream(png));
		assertThat(thumbnail.getWidth()).isEqualTo(800);
		assertThat(thumbnail.getHeight()).isEqualTo(400);
	}

	@Test
	void malformed_json_for_square_is_a_400_error_result_with_the_contract_body() throws Exception {
		ProxyUnderTest.Answer answer = action.run("web-raw-square-malformed-json.json");

		// A result with "error" is an application error; the controller answers what is inside it.
		assertThat(answer.status()).isEqualTo(200);
		JsonNode http = answer.body().get("error");
		assertThat(http.get("statusCode").asInt()).isEqualTo(400);
		assertThat(http.get("headers").get("Content-Type").asString()).isEqualTo("application/json");
		JsonNode error = decodedJson(http.get("body").asString());
		assertThat(error.get("error").asString()).isEqualTo("invalid_input");
		assertThat(error.get("message").asString()).isNotBlank().doesNotContain("\tat ");
	}

	@Test
	void a_path_naming_no_function_is_a_404_error_result() throws Exception {
		JsonNode http = action.run("web-raw-unknown-path.json").body().get("error");

		assertThat(http.get("statusCode").asInt()).isEqualTo(404);
		assertThat(decodedJson(http.get("body").asString()).get("error").asString()).isEqualTo("function_not_found");
	}

	@Test
	void a_consumer_answers_202_without_a_body() throws Exception {
		JsonNode result = action.run("web-raw-audit.json").body();

		assertThat(result.get("statusCode").asInt()).isEqualTo(202);
		assertThat(result.has("body")).isFalse();
	}

	@Test
	void a_non_raw_web_action_passes_its_merged_json_parameters_as_the_body() throws Exception {
		JsonNode result = action.run("web-square-json-params.json").body();

		assertThat(result.get("statusCode").asInt()).isEqualTo(200);
		assertThat(decodedJson(result.get("body").asString()).get("squares").toString()).isEqualTo("[9,16]");
	}

	@Test
	void the_application_context_starts_once_per_container() throws Exception {
		action.run("web-raw-reverse-text.json");
		action.run("web-raw-reverse-text.json");

		assertThat(action.log()).containsOnlyOnce("polyfn started ExamplesApplication for openwhisk");
	}

	/** JSON bodies travel base64 (see OpenWhiskMediaTypes): what the controller decodes for the caller. */
	private static JsonNode decodedJson(String base64) {
		return JsonEvents.parse(new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8)
				.getBytes(StandardCharsets.UTF_8));
	}
}
