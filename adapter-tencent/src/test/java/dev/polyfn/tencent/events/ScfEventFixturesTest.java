package dev.polyfn.tencent.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.polyfn.core.deploy.FunctionDeployment.Trigger;
import dev.polyfn.core.events.JsonEvents;
import dev.polyfn.core.model.QueueMessage;
import dev.polyfn.core.model.ScheduledTick;
import dev.polyfn.core.model.StorageObjectEvent;
import dev.polyfn.core.testing.Fixtures;
import dev.polyfn.tencent.events.NormalisedEvent.EventBatch;
import dev.polyfn.tencent.events.NormalisedEvent.HttpRequest;
import tools.jackson.databind.JsonNode;

/** Every Tencent fixture goes through the event table; each has exactly one expectation of what it becomes. */
class ScfEventFixturesTest {

	private static final Map<String, Consumer<NormalisedEvent>> EXPECTATIONS = Map.of(
			"tencent/apigateway/docs-apigw-integration-request-event.json", ScfEventFixturesTest::apiGatewayPostWithFullQuery,
			"tencent/ckafka/scfcli-generate-event-ckafka-consume.json", ScfEventFixturesTest::ckafkaRecordAsQueueMessage,
			"tencent/cmq/docs-cmq-topic-event.json", ScfEventFixturesTest::cmqMessageAsQueueMessage,
			"tencent/cos/scfcli-generate-event-cos-put.json", ScfEventFixturesTest::cosPutAsCreatedObjectWithBareKey,
			"tencent/cos/scfcli-generate-event-cos-delete.json", ScfEventFixturesTest::cosDeleteAsDeletedObject,
			"tencent/timer/docs-timer-event.json", ScfEventFixturesTest::timerAsScheduledTick);

	static Stream<String> tencentFixtures() {
		return Fixtures.all("tencent").stream();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("tencentFixtures")
	void fixture_is_normalised_as_expected(String fixture) {
		assertThat(EXPECTATIONS).as("an expectation for every fixture under tencent/").containsKey(fixture);
		JsonNode event = JsonEvents.parse(Fixtures.bytes(fixture));
		EventShape shape = ScfEventTable.shapeOf(event);
		assertThat(shape).as("a shape recognises " + fixture).isNotNull();
		EXPECTATIONS.get(fixture).accept(shape.normalise(event));
	}

	@Test
	void every_expectation_has_its_fixture() {
		assertThat(Fixtures.all("tencent")).containsAll(EXPECTATIONS.keySet());
	}

	private static void apiGatewayPostWithFullQuery(NormalisedEvent normalised) {
		var request = ((HttpRequest) normalised).request();
		assertThat(List.of(request.method(), request.path(), request.rawQuery(), request.headers().first("accept"),
				request.bodyAsString()))
				.containsExactly("POST", "/test/value", "foo=bar&bob=alice", "text/html,application/xml,application/json",
						"{\"test\":\"body\"}");
	}

	private static void ckafkaRecordAsQueueMessage(NormalisedEvent normalised) {
		EventBatch batch = (EventBatch) normalised;
		assertThat(List.of(batch.trigger(), batch.source(), batch.events().get(0).payload())).containsExactly(Trigger.QUEUE,
				"demo-topic", new QueueMessage("demo-topic/-/1", "Hello from ckafka",
						Map.of("topic", "demo-topic", "offset", "1", "msgKey", "demo"), 1, "demo-topic"));
	}

	private static void cmqMessageAsQueueMessage(NormalisedEvent normalised) {
		EventBatch batch = (EventBatch) normalised;
		assertThat(List.of(batch.source(), batch.events().get(0).payload())).containsExactly("testtopic",
				new QueueMessage("123345346", "Hello from CMQ!", Map.of("topicName", "testtopic", "topicOwner", "120xxxxx",
						"subscriptionName", "xxxxxx", "msgTag", "tag1,tag2", "requestId", "123345346"), 1, "testtopic"));
	}

	private static void cosPutAsCreatedObjectWithBareKey(NormalisedEvent normalised) {
		assertThat(((EventBatch) normalised).events().get(0).payload()).isEqualTo(new StorageObjectEvent(
				"testpic-1253970026", "testfile", 1029L, null, null, StorageObjectEvent.Action.CREATED,
				OffsetDateTime.parse("2018-12-19T07:49:30Z")));
	}

	private static void cosDeleteAsDeletedObject(NormalisedEvent normalised) {
		StorageObjectEvent object = (StorageObjectEvent) ((EventBatch) normalised).events().get(0).payload();
		assertThat(List.of(object.key(), object.action())).containsExactly("testfile", StorageObjectEvent.Action.DELETED);
	}

	private static void timerAsScheduledTick(NormalisedEvent normalised) {
		assertThat(((EventBatch) normalised).events().get(0).payload()).isEqualTo(new ScheduledTick("EveryDay",
				OffsetDateTime.parse("2019-02-21T11:49:00Z"), "user define msg body", false));
	}
}
