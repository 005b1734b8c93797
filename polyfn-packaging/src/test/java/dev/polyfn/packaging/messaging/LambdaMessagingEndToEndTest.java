package dev.polyfn.packaging.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.sqs.model.Message;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import dev.polyfn.core.events.JsonEvents;
import dev.polyfn.core.testing.Fixtures;
import dev.polyfn.core.testing.PackagedBuild;
import dev.polyfn.local.LambdaRuntimeApi;
import dev.polyfn.local.LocalLambda;
import dev.polyfn.messaging.aws.testing.FaultyProxy;
import dev.polyfn.messaging.aws.testing.MotoServer;
import dev.polyfn.packaging.CloudRuntimes;

/**
 * processOrder and temperatureAlert in the examples' upload jar ({@code mvn -Paws package}) under the real Lambda
 * runtime interface client, given SQS's and SNS's own events (the vendor fixtures with their bodies changed), their
 * results queue and alerts topic on moto: the functions find the server through {@code AWS_ENDPOINT_URL} (or
 * {@code AWS_ENDPOINT_URL_SQS}), their keys through the variables Lambda sets for the role, and the queue URL and
 * topic ARN through {@code POLYFN_MESSAGING_<ALIAS>_DESTINATION}, as the deploy plan sets them. What they publish is
 * read back with the SDK's own SQS client (the topic through a raw-delivery SQS subscription).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LambdaMessagingEndToEndTest {

	private MotoServer moto;
	private FaultyProxy proxy;
	private String results;
	private String faultyResults;
	private MotoServer.Subscribed alerts;
	private Path packaged;
	private final List<LocalLambda> started = new java.util.ArrayList<>();

	@BeforeAll
	void startTheBrokerAndItsQueues() throws Exception {
		moto = MotoServer.start();
		proxy = FaultyProxy.start(moto.endpoint());
		results = moto.createQueue("order-results");
		faultyResults = moto.createQueue("order-results-behind-a-faulty-network");
		alerts = moto.createTopicWithQueue("alerts");
		packaged = PackagedBuild.of("aws");
	}

	@AfterAll
	void stop() {
		started.forEach(LocalLambda::close);
		if (proxy != null) {
			proxy.close();
		}
		if (moto != null) {
			moto.close();
		}
	}

	@Test
	void sqs_event_with_two_orders_publishes_a_confirmation_and_a_rejection_to_the_results_queue() throws Exception {
		LocalLambda lambda = start("dev.polyfn.aws.SqsHandler::handleRequest", "processOrder",
				Map.of("POLYFN_MESSAGING_ORDER_RESULTS_DESTINATION", results));

		LambdaRuntimeApi.Outcome outcome = invoke(lambda, sqsEvent(order("msg-1", "o-1", "apple", 2), order("msg-2", "o-2", "pear", 9)));

		assertThat(outcome.kind() + " " + outcome.body()).isEqualTo("response {\"batchItemFailures\":[]}");
		assertThat(moto.receiveAll(results, 2)).extracting(LambdaMessagingEndToEndTest::resultLine).containsExactlyInAnyOrder(
				"o-1 CONFIRMED apple remaining 8 | type=order-result status=CONFIRMED content-type=application/json",
				"o-2 REJECTED pear remaining 5 | type=order-result status=REJECTED content-type=application/json");
	}

	@Test
	void a_publish_that_fails_marks_exactly_that_message_failed_and_its_redelivery_publishes_once_without_more_stock()
			throws Exception {
		// SQS calls go through the proxy (AWS_ENDPOINT_URL_SQS wins over AWS_ENDPOINT_URL), which fails the
		// SendMessage of o-unlucky's result until healed.
		LocalLambda lambda = start("dev.polyfn.aws.SqsHandler::handleRequest", "processOrder",
				Map.of("POLYFN_MESSAGING_ORDER_RESULTS_DESTINATION", faultyResults, "AWS_ENDPOINT_URL_SQS", proxy.endpoint()));
		proxy.failSendMessagesContaining("o-unlucky");

		LambdaRuntimeApi.Outcome first = invoke(lambda, sqsEvent(order("msg-lucky", "o-lucky", "pear", 1),
				order("msg-unlucky", "o-unlucky", "apple", 2)));

		assertThat(first.kind() + " " + first.body())
			.isEqualTo("response {\"batchItemFailures\":[{\"itemIdentifier\":\"msg-unlucky\"}]}");
		assertThat(proxy.failedCalls()).isPositive();
		assertThat(moto.receiveAll(faultyResults, 1)).extracting(LambdaMessagingEndToEndTest::resultLine)
			.containsExactly("o-lucky CONFIRMED pear remaining 4 | type=order-result status=CONFIRMED content-type=application/json");

		proxy.heal();
		LambdaRuntimeApi.Outcome redelivered = invoke(lambda, sqsEvent(order("msg-unlucky", "o-unlucky", "apple", 2)));

		assertThat(redelivered.kind() + " " + redelivered.body()).isEqualTo("response {\"batchItemFailures\":[]}");
		// 10 apples less the 2 the first delivery reserved: the redelivery found that reservation and took none.
		assertThat(moto.receiveAll(faultyResults, 1)).extracting(LambdaMessagingEndToEndTest::resultLine)
			.containsExactly("o-unlucky CONFIRMED apple remaining 8 | type=order-result status=CONFIRMED content-type=application/json");
	}

	@Test
	void sns_reading_above_the_threshold_publishes_one_alert_to_the_topic() throws Exception {
		LocalLambda lambda = alertsLambda();

		LambdaRuntimeApi.Outcome outcome = invoke(lambda, snsEvent("sensor-7", 35));

		assertThat(outcome.kind()).isEqualTo("response");
		List<Message> received = moto.receiveAll(alerts.queueUrl(), 1);
		assertThat(received).singleElement().satisfies(alert -> {
			JsonNode body = JsonEvents.parse(alert.body().getBytes(java.nio.charset.StandardCharsets.UTF_8));
			assertThat(body.get("deviceId").asString() + " " + body.get("temperature").asDouble() + " "
					+ alert.messageAttributes().get("type").stringValue() + " " + alert.messageAttributes().get("deviceId").stringValue())
				.isEqualTo("sensor-7 35.0 temperature-alert sensor-7");
		});
	}

	@Test
	void sns_reading_below_the_threshold_publishes_nothing() throws Exception {
		LocalLambda lambda = alertsLambda();

		LambdaRuntimeApi.Outcome outcome = invoke(lambda, snsEvent("sensor-8", 20));

		assertThat(outcome.kind()).isEqualTo("response");
		assertThat(moto.receiveAll(alerts.queueUrl(), 0)).isEmpty();
	}

	private LocalLambda alertsLambda;

	private synchronized LocalLambda alertsLambda() throws Exception {
		if (alertsLambda == null) {
			alertsLambda = start("dev.polyfn.aws.SnsHandler::handleRequest", "temperatureAlert",
					Map.of("POLYFN_MESSAGING_ALERTS_DESTINATION", alerts.topicArn()));
		}
		return alertsLambda;
	}

	private LocalLambda start(String handler, String definition, Map<String, String> more) throws Exception {
		Map<String, String> environment = new HashMap<>(moto.environment());
		environment.put("SPRING_CLOUD_FUNCTION_DEFINITION", definition);
		environment.putAll(more);
		LocalLambda.Settings settings = LocalLambda.Settings
			.of(packaged.resolve("examples-aws.jar"), handler, LocalLambda.runtimeClientJarsOn(System.getProperty("java.class.path")))
			.withFunctionName("polyfn-e2e-" + definition)
			.withJavaVersion(CloudRuntimes.target("aws", null).java())
			.withEnvironment(environment);
		LocalLambda lambda = LocalLambda.start(settings, packaged.getParent().getParent()
			.resolve("lambda-e2e/messaging-" + (started.size() + 1) + "-" + definition + ".log"));
		started.add(lambda);
		return lambda;
	}

	private static LambdaRuntimeApi.Outcome invoke(LocalLambda lambda, ObjectNode event) throws Exception {
		try {
			return lambda.api().invoke(JsonEvents.toBytes(event)).get(180, TimeUnit.SECONDS);
		}
		catch (TimeoutException slow) {
			throw new AssertionError("The runtime client posted nothing within 180 s; its output:\n" + lambda.process().log(), slow);
		}
	}

	/** SQS's fixture event with its one record replaced by these. */
	private static ObjectNode sqsEvent(ObjectNode... orders) {
		ObjectNode event = (ObjectNode) JsonEvents.parse(Fixtures.bytes("aws/sqs/go-sqs-event.json"));
		ArrayNode records = (ArrayNode) event.get("Records");
		ObjectNode template = (ObjectNode) records.remove(0);
		for (ObjectNode order : orders) {
			records.add(((ObjectNode) template.deepCopy()).put("messageId", order.get("messageId").asString())
				.put("body", order.get("body").toString()));
		}
		return event;
	}

	private static ObjectNode order(String messageId, String orderId, String sku, int quantity) {
		ObjectNode order = JsonEvents.object();
		order.put("messageId", messageId);
		order.set("body", JsonEvents.object().put("orderId", orderId).put("sku", sku).put("quantity", quantity));
		return order;
	}

	/** SNS's fixture event with the reading as its message. */
	private static ObjectNode snsEvent(String deviceId, double temperature) {
		ObjectNode event = (ObjectNode) JsonEvents.parse(Fixtures.bytes("aws/sns/java-libs-sns_event.json"));
		ObjectNode sns = (ObjectNode) event.get("Records").get(0).get("Sns");
		sns.put("Message", JsonEvents.object().put("deviceId", deviceId).put("temperature", temperature).toString());
		return event;
	}

	private static String resultLine(Message received) {
		JsonNode result = JsonEvents.parse(received.body().getBytes(java.nio.charset.StandardCharsets.UTF_8));
		return result.get("orderId").asString() + " " + result.get("status").asString() + " " + result.get("sku").asString()
				+ " remaining " + result.get("remainingStock") + " | type=" + received.messageAttributes().get("type").stringValue()
				+ " status=" + received.messageAttributes().get("status").stringValue()
				+ " content-type=" + received.messageAttributes().get("content-type").stringValue();
	}
}
