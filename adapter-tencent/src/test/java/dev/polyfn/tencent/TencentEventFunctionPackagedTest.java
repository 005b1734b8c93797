package dev.polyfn.tencent;

import static dev.polyfn.tencent.TestEvents.bytes;
import static dev.polyfn.tencent.TestEvents.fixture;
import static dev.polyfn.tencent.TestEvents.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.polyfn.core.events.JsonEvents;
import dev.polyfn.local.ScfEventFunction;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The event function as SCF runs it: the handler string from the generated {@code serverless.yml}, the class
 * loaded from the unpacked ZIP's {@code lib/} jar in a fresh class loader, the event bound to the handler's
 * parameter, a Context carrying the request id. No SPRING_CLOUD_FUNCTION_DEFINITION: each trigger reaches its
 * function through the examples' {@code polyfn.deploy.*} entries, as the generated serverless.yml wires them.
 * processOrder publishes each result: this test is about the routing, so the alias is bound to polyfn's in-memory
 * provider (as {@code POLYFN_MESSAGING_ORDER_RESULTS_PROVIDER=local} would); ScfMessagingEndToEndTest in
 * polyfn-packaging publishes to a real Kafka broker.
 */
class TencentEventFunctionPackagedTest {

	private static ScfEventFunction scf;

	/** The handler runs in this JVM, so the setting is a system property (the light start-up reads them). */
	private static final String RESULTS_PROVIDER = "polyfn.messaging.order-results.provider";

	@BeforeAll
	static void loadHandlerFromThePackage() throws Exception {
		System.setProperty(RESULTS_PROVIDER, "local");
		UnpackedTencentPackage unpacked = UnpackedTencentPackage.get();
		scf = new ScfEventFunction(unpacked.code, TencentEventFunction.HANDLER);
	}

	@AfterAll
	static void close() throws Exception {
		System.clearProperty(RESULTS_PROVIDER);
		scf.close();
	}

	@Test
	void handler_takes_the_event_as_a_map_and_the_scf_context() {
		assertThat(List.of(scf.parameterTypes()).stream().map(Class::getName))
				.containsExactly("java.util.Map", "com.qcloud.scf.runtime.Context");
	}

	@Test
	void api_gateway_request_to_reverse_is_answered_in_the_gateway_response_shape() throws Throwable {
		ObjectNode event = with(fixture("tencent/apigateway/docs-apigw-integration-request-event.json"), "/path", "/reverse");
		JsonNode response = call(event);
		assertThat(List.of(response.get("statusCode").asInt(), response.get("isBase64Encoded").asBoolean(),
				response.get("body").asString())).containsExactly(200, false, "}\"ydob\":\"tset\"{");
	}

	@Test
	void function_url_request_with_a_base64_png_gets_a_base64_png_thumbnail() throws Throwable {
		ObjectNode event = TestEvents.functionUrlRequest();
		with(event, "/path", "/thumbnail");
		with(event, "/headers/content-type", "image/png");
		with(event, "/isBase64Encoded", true);
		with(event, "/body", Base64.getEncoder().encodeToString(TestEvents.png(1600, 1200)));
		JsonNode response = call(event);
		BufferedImage thumbnail = TestEvents.image(Base64.getDecoder().decode(response.get("body").asString()));
		assertThat(List.of(response.get("statusCode").asInt(), response.get("isBase64Encoded").asBoolean(),
				response.at("/headers/Content-Type").asString(), thumbnail.getWidth() + "x" + thumbnail.getHeight()))
				.containsExactly(200, true, "image/png", "800x600");
	}

	@Test
	void api_gateway_request_naming_no_function_gets_a_404_error_body() throws Throwable {
		JsonNode response = call(fixture("tencent/apigateway/docs-apigw-integration-request-event.json"));
		JsonNode body = JsonEvents.parse(response.get("body").asString().getBytes());
		assertThat(response.get("statusCode").asInt() + " " + body.get("error").asString()).isEqualTo("404 function_not_found");
	}

	@Test
	void cos_upload_to_the_uploads_bucket_reaches_store_thumbnail_with_the_bare_key() throws Throwable {
		ObjectNode event = fixture("tencent/cos/scfcli-generate-event-cos-put.json");
		with(event, "/Records/0/cos/cosBucket/name", "uploads");
		with(event, "/Records/0/cos/cosObject/key", "/1253970026/uploads/photos/cat%201.png");
		// The examples' default Tencent package carries no storage provider (its ZIP would pass the console's 50 MB
		// with the S3 SDK), so storeThumbnail fails at its first storage call; the failure names the record it was
		// routed, by its bare, URL-decoded key. ScfStorageEndToEndTest runs it with a bucket.
		assertThatThrownBy(() -> call(event))
			.hasMessageContaining("Function 'storeThumbnail' failed for 1 of 1 COS record:")
			.hasMessageContaining(":photos/cat 1.png (500 function_error");
	}

	@Test
	void timer_named_cleanupExpired_runs_cleanupExpired() throws Throwable {
		ObjectNode event = with(fixture("tencent/timer/docs-timer-event.json"), "/TriggerName", "cleanupExpired");
		JsonNode report = call(event);
		assertThat(report.get("schedule").asString() + " " + report.get("firedAt").asString())
				.isEqualTo("cleanupExpired 2019-02-21T11:49:00Z");
	}

	@Test
	void ckafka_batch_on_the_orders_topic_runs_processOrder_for_every_record() throws Throwable {
		ObjectNode event = fixture("tencent/ckafka/scfcli-generate-event-ckafka-consume.json");
		with(event, "/Records/0/Ckafka/topic", "orders");
		with(event, "/Records/0/Ckafka/msgBody", "{\"orderId\":\"o-1\",\"sku\":\"apple\",\"quantity\":2}");
		ObjectNode second = (ObjectNode) event.get("Records").get(0).deepCopy();
		with(second, "/Ckafka/offset", 2);
		with(second, "/Ckafka/msgBody", "{\"orderId\":\"o-2\",\"sku\":\"plum\",\"quantity\":1}");
		((tools.jackson.databind.node.ArrayNode) event.get("Records")).add(second);
		JsonNode results = call(event);
		assertThat(List.of(results.at("/0/orderId").asString(), results.at("/0/status").asString(),
				results.at("/1/orderId").asString(), results.at("/1/status").asString()))
				.containsExactly("o-1", "CONFIRMED", "o-2", "REJECTED");
	}

	@Test
	void ckafka_record_that_is_not_an_order_fails_the_invocation_naming_the_record() {
		ObjectNode event = with(fixture("tencent/ckafka/scfcli-generate-event-ckafka-consume.json"),
				"/Records/0/Ckafka/topic", "orders");
		assertThatThrownBy(() -> scf.invoke(bytes(event), "req-kafka")).isInstanceOfSatisfying(RuntimeException.class,
				failure -> assertThat(List.of(failure.getClass().getSimpleName(), failure.getMessage().startsWith(
						"Function 'processOrder' failed for 1 of 1 CKafka record: orders/-/1 (400 "),
						failure.getStackTrace().length)).containsExactly("ScfInvocationFailure", true, 0));
	}

	@Test
	void cos_event_from_a_bucket_no_function_listens_to_fails_naming_the_setting() {
		byte[] event = bytes(fixture("tencent/cos/scfcli-generate-event-cos-put.json"));
		assertThatThrownBy(() -> scf.invoke(event, "req-cos"))
				.hasMessageContaining("No function for this COS record from 'testpic'")
				.hasMessageContaining("spring.cloud.function.definition");
	}

	private static JsonNode call(JsonNode event) throws Throwable {
		Object result = scf.invoke(bytes(event), "req-" + System.nanoTime());
		return JsonEvents.parse(((String) result).getBytes(java.nio.charset.StandardCharsets.UTF_8));
	}
}
