package dev.polyfn.packaging.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import dev.polyfn.core.events.JsonEvents;
import dev.polyfn.core.testing.Fixtures;
import dev.polyfn.core.testing.PackagedBuild;
import dev.polyfn.local.LambdaRuntimeApi;
import dev.polyfn.local.LocalLambda;
import dev.polyfn.packaging.CloudRuntimes;

/**
 * The examples' upload jar, built by {@code mvn -Paws package}, run under the real Lambda runtime interface
 * client 2.9.0 against a Runtime API stub: what Lambda's managed java17 runtime does with the uploaded file.
 * Events are the vendor fixtures with their payload fields changed, never JSON written here.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LambdaRuntimeClientEndToEndTest {

	private Path artifact;
	private Path logDir;
	private int started;

	@BeforeAll
	void buildTheUploadJar() throws Exception {
		Path packaged = PackagedBuild.of("aws");
		artifact = packaged.resolve("examples-aws.jar");
		logDir = packaged.getParent().getParent().resolve("lambda-e2e");
	}

	@Test
	void http_api_request_to_reverse_is_answered_in_payload_2_0() throws Exception {
		ObjectNode event = fixture("aws/apigw-http-v2/java-libs-apigw_http_event.json");
		try (LocalLambda lambda = start("dev.polyfn.aws.ApiGatewayHttpHandler::handleRequest", "reverse")) {
			LambdaRuntimeApi.Outcome outcome = await(lambda.api().invoke(JsonEvents.toBytes(event)), lambda);
			System.out.printf("Cold start under the runtime client (JVM start to first response): %d ms%n",
					TimeUnit.NANOSECONDS.toMillis(outcome.receivedAtNanos() - lambda.process().startedAtNanos()));
			JsonNode response = JsonEvents.parse(outcome.body().getBytes());
			assertThat(outcome.kind() + " " + response.get("statusCode") + " " + response.get("body").asString())
					.isEqualTo("response 200 !!adbmaL morf olleH");
		}
	}

	@Test
	void binary_function_url_request_to_thumbnail_returns_a_base64_png() throws Exception {
		ObjectNode event = fixture("aws/function-url/go-function-url-domain-only-request-with-base64-encoded-body.json");
		event.put("body", Base64.getEncoder().encodeToString(png(1600, 900)));
		((ObjectNode) event.get("headers")).put("content-type", "image/png");
		try (LocalLambda lambda = start("dev.polyfn.aws.FunctionUrlHandler::handleRequest", "thumbnail")) {
			JsonNode response = JsonEvents.parse(await(lambda.api().invoke(JsonEvents.toBytes(event)), lambda).body().getBytes());
			BufferedImage thumbnail = ImageIO.read(new ByteArrayInputStream(
					Base64.getDecoder().decode(response.get("body").asString())));
			assertThat(response.get("isBase64Encoded").asBoolean() + " " + response.get("headers").get("Content-Type").asString()
					+ " " + thumbnail.getWidth() + "x" + thumbnail.getHeight()).isEqualTo("true image/png 800x450");
		}
	}

	@Test
	void sqs_batch_with_one_bad_order_reports_exactly_that_message() throws Exception {
		ObjectNode event = fixture("aws/sqs/go-sqs-event.json");
		ArrayNode records = (ArrayNode) event.get("Records");
		ObjectNode template = (ObjectNode) records.remove(0);
		records.add(order(template, "msg-1", "o-1", "apple", 1));
		records.add(order(template, "msg-2", "o-2", "pear", 0));
		records.add(order(template, "msg-3", "o-3", "pear", 1));
		try (LocalLambda lambda = start("dev.polyfn.aws.SqsHandler::handleRequest", "processOrder")) {
			LambdaRuntimeApi.Outcome outcome = await(lambda.api().invoke(JsonEvents.toBytes(event)), lambda);
			assertThat(outcome.kind() + " " + outcome.body())
					.isEqualTo("response {\"batchItemFailures\":[{\"itemIdentifier\":\"msg-2\"}]}");
		}
	}

	@Test
	void function_error_of_an_event_trigger_is_posted_to_error_with_message_and_type() throws Exception {
		byte[] invalidOrder = Fixtures.bytes("aws/direct-invoke/sam-cli-invoke-event.json");
		try (LocalLambda lambda = start("dev.polyfn.aws.LambdaHandler::handleRequest", "processOrder")) {
			LambdaRuntimeApi.Outcome outcome = await(lambda.api().invoke(invalidOrder), lambda);
			JsonNode error = JsonEvents.parse(outcome.body().getBytes());
			assertThat(outcome.kind() + " | " + error.get("errorType").asString() + " | " + error.get("errorMessage").asString())
					.isEqualTo("error | dev.polyfn.aws.LambdaFunctionException | 422 unprocessable_entity: "
							+ "An order needs 'orderId', 'sku' and a 'quantity' of at least 1");
		}
	}

	@Test
	void unusable_number_for_an_http_trigger_is_a_400_response_without_stack_trace() throws Exception {
		ObjectNode event = fixture("aws/apigw-http-v2/java-libs-apigw_http_event.json");
		// Squaring this number would overflow BigDecimal's scale (a 500 before strict JSON); now refused on reading.
		event.put("body", "{\"numbers\":[1E+2000000000]}");
		try (LocalLambda lambda = start("dev.polyfn.aws.ApiGatewayHttpHandler::handleRequest", "square")) {
			LambdaRuntimeApi.Outcome outcome = await(lambda.api().invoke(JsonEvents.toBytes(event)), lambda);
			JsonNode response = JsonEvents.parse(outcome.body().getBytes());
			assertThat(outcome.kind() + " " + response.get("statusCode") + " " + response.get("body").asString())
					.isEqualTo("response 400 {\"error\":\"invalid_input\",\"message\":\"The body is not valid JSON for "
							+ "function 'square': expected a finite number within range at $.numbers[0]\"}");
		}
	}

	@Test
	void unknown_function_configured_fails_the_init_naming_the_setting() throws Exception {
		try (LocalLambda lambda = start("dev.polyfn.aws.SqsHandler::handleRequest", "noSuchFunction")) {
			LambdaRuntimeApi.Outcome outcome = await(lambda.api().initError(), lambda);
			assertThat(outcome.body()).contains("spring.cloud.function.definition='noSuchFunction' names no function");
		}
	}

	private LocalLambda start(String handler, String definition) throws Exception {
		LocalLambda.Settings settings = LocalLambda.Settings
			.of(artifact, handler, LocalLambda.runtimeClientJarsOn(System.getProperty("java.class.path")))
			.withFunctionName("polyfn-e2e-" + definition)
			// the Java version of the managed runtime the package targets (java25), when such a JDK is installed
			.withJavaVersion(CloudRuntimes.target("aws", null).java())
			// processOrder publishes each result; these tests are not about messaging (LambdaMessagingEndToEndTest is),
			// so its alias stays in memory rather than needing a broker.
			.withEnvironment(Map.of("SPRING_CLOUD_FUNCTION_DEFINITION", definition, "POLYFN_MESSAGING_ORDER_RESULTS_PROVIDER", "local"));
		return LocalLambda.start(settings, logDir.resolve(++started + "-" + handler.replaceAll("\\W", "_") + "-" + definition + ".log"));
	}

	private static LambdaRuntimeApi.Outcome await(CompletableFuture<LambdaRuntimeApi.Outcome> outcome, LocalLambda lambda)
			throws Exception {
		try {
			return outcome.get(180, TimeUnit.SECONDS);
		}
		catch (TimeoutException slow) {
			throw new AssertionError("The runtime client posted nothing within 180 s; its output:\n" + lambda.process().log(), slow);
		}
	}

	private static ObjectNode fixture(String path) {
		return (ObjectNode) JsonEvents.parse(Fixtures.bytes(path));
	}

	private static ObjectNode order(ObjectNode template, String messageId, String orderId, String sku, int quantity) {
		ObjectNode order = JsonEvents.object().put("orderId", orderId).put("sku", sku).put("quantity", quantity);
		return ((ObjectNode) template.deepCopy()).put("messageId", messageId).put("body", order.toString());
	}

	private static byte[] png(int width, int height) throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), "png", out);
		return out.toByteArray();
	}
}
