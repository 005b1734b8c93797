package dev.polyfn.packaging.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.record.DefaultRecord;
import org.apache.kafka.common.record.DefaultRecordBatch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import dev.polyfn.core.events.JsonEvents;
import dev.polyfn.core.testing.Fixtures;
import dev.polyfn.core.testing.PackagedBuild;
import dev.polyfn.local.BootstrapScripts;
import dev.polyfn.local.CodeFolders;
import dev.polyfn.local.LocalProcess;
import dev.polyfn.local.ScfRuntimeApi;
import dev.polyfn.messaging.kafka.testing.KafkaBroker;

/**
 * processOrder and temperatureAlert in the examples' SCF event function (built with polyfn-messaging-kafka and
 * {@code -Dpolyfn.tencent.upload=cos}), publishing to a real Kafka broker (Kafka's
 * own KRaft server on loopback) as to CKafka: the package started by its own {@code bootstrap} on the Custom Runtime
 * API and given the CKafka trigger's event (the vendor fixture, its records' topic, offsets and bodies set here). The
 * function has what serverless.yml sets: each alias's topic in {@code POLYFN_MESSAGING_<ALIAS>_DESTINATION} and the
 * access point in {@code POLYFN_MESSAGING_KAFKA_BOOTSTRAP_SERVERS}. The test reads the topics back with Kafka's consumer.
 *
 * <p>A CKafka trigger calls the function synchronously with a batch, and on an execution error retries the invocation
 * ("the CKafka trigger will retry according to the configured retry times, which is 10,000 by default", and the next
 * batch is consumed only after the previous one is completely consumed: https://www.tencentcloud.com/document/product/583/17530,
 * read 2026-12-06). SCF has no per-record failure answer for CKafka, so a failed publish fails the whole invocation and
 * the retry delivers the whole batch again: the records that were published are published once more (at least once),
 * and reserveOnce keeps the stock as the first delivery left it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScfMessagingEndToEndTest {

	private KafkaBroker broker;
	private Path code;
	private final List<ScfRuntimeApi> apis = new ArrayList<>();
	private final List<LocalProcess> functions = new ArrayList<>();
	private ScfRuntimeApi scf;

	@BeforeAll
	void startBrokerAndFunction() throws Exception {
		long started = System.nanoTime();
		broker = KafkaBroker.start();
		System.out.println("Kafka broker for the SCF package answered after " + (System.nanoTime() - started) / 1_000_000 + " ms");
		broker.createTopic("order-results");
		broker.createTopic("alerts");
		// With kafka-clients (9.3 MB) the examples' ZIP is 55.5 MB, over the 50 MB the SCF console takes as a local
		// upload: built as DEPLOY.md says for a package that large, uploaded through COS (as ScfStorageEndToEndTest).
		Path packaged = PackagedBuild.variant("tencent", "messaging",
				Map.of("polyfn.examples.messaging.scope", "compile", "polyfn.tencent.upload", "cos"));
		try (Stream<Path> files = Files.list(packaged)) {
			code = CodeFolders.unpacked(files.filter(p -> p.toString().endsWith("-tencent.zip")).findFirst().orElseThrow(), "scf-messaging-");
		}
		scf = startFunction("order-results", "happy");
	}

	/** A fresh instance of the function (its own inventory), publishing its order results to {@code resultsTopic}. */
	private ScfRuntimeApi startFunction(String resultsTopic, String name) throws Exception {
		ScfRuntimeApi api = new ScfRuntimeApi();
		apis.add(api);
		functions.add(BootstrapScripts.startScfCustomRuntime(code, api, "index.main_handler", Map.of(
				"POLYFN_MESSAGING_KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers(),
				"POLYFN_MESSAGING_ORDER_RESULTS_DESTINATION", resultsTopic,
				"POLYFN_MESSAGING_ALERTS_DESTINATION", "alerts"), code.getParent().resolve("scf-messaging-" + name + ".log")));
		api.ready().get(120, TimeUnit.SECONDS);
		return api;
	}

	@AfterAll
	void stop() throws Exception {
		for (LocalProcess function : functions) {
			function.close();
		}
		for (ScfRuntimeApi api : apis) {
			api.close();
		}
		if (broker != null) {
			broker.close();
		}
	}

	@Test
	void two_orders_in_one_ckafka_batch_publish_a_confirmed_and_a_rejected_result() throws Exception {
		ScfRuntimeApi.Outcome outcome = invoke(scf, ordersBatch("o-1", "o-2", 10));

		assertThat(outcome.error()).as(outcome.body()).isFalse();
		List<ConsumerRecord<byte[], byte[]>> results = broker.records("order-results");
		assertThat(results).extracting(r -> json(r).get("orderId").asString() + " " + json(r).get("status").asString()
				+ " " + header(r, "status") + " " + header(r, "content-type"))
			.containsExactly("o-1 CONFIRMED CONFIRMED application/json", "o-2 REJECTED REJECTED application/json");
		assertThat(json(results.get(0)).get("remainingStock").asInt()).isEqualTo(8);
	}

	@Test
	void a_reading_above_the_threshold_publishes_one_alert_and_one_below_publishes_none() throws Exception {
		ScfRuntimeApi.Outcome hot = invoke(scf, readings(35));
		ScfRuntimeApi.Outcome mild = invoke(scf, readings(20));

		assertThat(List.of(hot.error(), mild.error())).containsExactly(false, false);
		assertThat(broker.records("alerts")).singleElement().satisfies(alert -> {
			assertThat(json(alert).get("temperature").asDouble()).isEqualTo(35.0);
			assertThat(header(alert, "type") + " " + header(alert, "deviceId")).isEqualTo("temperature-alert sensor-7");
		});
	}

	@Test
	void a_result_the_topic_refuses_fails_the_invocation_so_ckafka_retries_the_batch_and_nothing_is_lost() throws Exception {
		broker.createTopic("order-results-refusing");
		ScfRuntimeApi function = startFunction("order-results-refusing", "refusing");
		// Measure what a confirmed and a rejected result weigh as a record batch on this topic (a first batch, while the
		// topic takes everything), then let the topic take a confirmed result and refuse a rejected one.
		assertThat(invoke(function, ordersBatch("o-3", "o-4", 20)).error()).isFalse();
		List<ConsumerRecord<byte[], byte[]>> measured = broker.records("order-results-refusing");
		int confirmed = batchSize(measured.get(0));
		assertThat(batchSize(measured.get(1))).as("a rejected result weighs more").isGreaterThan(confirmed);
		broker.setTopicConfig("order-results-refusing", "max.message.bytes", String.valueOf(confirmed));

		ScfRuntimeApi.Outcome first = invoke(function, ordersBatch("o-5", "o-6", 30));
		ScfRuntimeApi.Outcome retry = invoke(function, ordersBatch("o-5", "o-6", 30));

		// The failure answer: the invocation fails, naming the one record whose result was refused; SCF retries it all.
		assertThat(List.of(first.error(), retry.error())).containsExactly(true, true);
		assertThat(first.body()).contains("Function 'processOrder' failed for 1 of 2 CKafka records: orders/0/31 (413 payload_too_large")
			.contains("SCF retries the invocation").doesNotContain("order-results-refusing");
		// Each delivery published o-5's result again, the same result: o-5 reserved its 2 apples once (10 - 2 - 2 = 6).
		assertThat(results("order-results-refusing")).containsExactly("o-3 CONFIRMED 8", "o-4 REJECTED 5",
				"o-5 CONFIRMED 6", "o-5 CONFIRMED 6");

		// Once the topic takes the rejected result again (an operator raised its limit), the next retry publishes both.
		broker.setTopicConfig("order-results-refusing", "max.message.bytes", "1048588");
		ScfRuntimeApi.Outcome fixed = invoke(function, ordersBatch("o-5", "o-6", 30));

		assertThat(fixed.error()).as(fixed.body()).isFalse();
		assertThat(results("order-results-refusing")).endsWith("o-5 CONFIRMED 6", "o-6 REJECTED 5");
	}

	/** The CKafka fixture with two records on topic {@code orders}: 2 apples (fits the stock) and 9 pears (does not). */
	private static byte[] ordersBatch(String fits, String doesNotFit, int offset) {
		ObjectNode event = (ObjectNode) JsonEvents.parse(Fixtures.bytes("tencent/ckafka/scfcli-generate-event-ckafka-consume.json"));
		ArrayNode records = (ArrayNode) event.get("Records");
		ObjectNode second = (ObjectNode) records.get(0).deepCopy();
		records.add(second);
		kafka(records.get(0), offset, "{\"orderId\":\"" + fits + "\",\"sku\":\"apple\",\"quantity\":2}", "orders");
		kafka(records.get(1), offset + 1, "{\"orderId\":\"" + doesNotFit + "\",\"sku\":\"pear\",\"quantity\":9}", "orders");
		return JsonEvents.toBytes(event);
	}

	private static byte[] readings(double temperature) {
		ObjectNode event = (ObjectNode) JsonEvents.parse(Fixtures.bytes("tencent/ckafka/scfcli-generate-event-ckafka-consume.json"));
		kafka(event.get("Records").get(0), (int) temperature, "{\"deviceId\":\"sensor-7\",\"temperature\":" + temperature + "}", "telemetry");
		return JsonEvents.toBytes(event);
	}

	private static void kafka(JsonNode record, int offset, String body, String topic) {
		((ObjectNode) record.get("Ckafka")).put("topic", topic).put("partition", "0").put("offset", offset).put("msgKey", "k")
			.put("msgBody", body);
	}

	private static ScfRuntimeApi.Outcome invoke(ScfRuntimeApi api, byte[] event) throws Exception {
		return api.invoke(event).get(120, TimeUnit.SECONDS);
	}

	private List<String> results(String topic) {
		return broker.records(topic).stream().map(r -> json(r).get("orderId").asString() + " " + json(r).get("status").asString()
				+ " " + json(r).get("remainingStock").asInt()).toList();
	}

	/**
	 * The size the broker checks against {@code max.message.bytes}: the record in a batch of its own (the publisher
	 * waits for each acknowledgement, so every result is sent alone).
	 */
	private static int batchSize(ConsumerRecord<byte[], byte[]> record) {
		return DefaultRecordBatch.RECORD_BATCH_OVERHEAD + DefaultRecord.sizeInBytes(0, 0L, Math.max(0, record.serializedKeySize()),
				record.serializedValueSize(), record.headers().toArray());
	}

	private static JsonNode json(ConsumerRecord<byte[], byte[]> record) {
		return JsonEvents.parse(record.value());
	}

	private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
		Header header = record.headers().lastHeader(name);
		return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
	}
}
