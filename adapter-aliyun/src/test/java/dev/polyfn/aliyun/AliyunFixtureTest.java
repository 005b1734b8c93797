package dev.polyfn.aliyun;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.polyfn.core.events.JsonEvents;
import dev.polyfn.core.model.PortableHttpResponse;
import dev.polyfn.core.testing.Fixtures;
import tools.jackson.databind.JsonNode;

/** One expectation per vendor fixture under fixtures/aliyun: what the function receives through POST /invoke. */
class AliyunFixtureTest {

	private static final Set<String> COVERED = Set.of(
			"aliyun/oss/devsapp-fc3-event-template-oss.json",
			"aliyun/timer/docs-timer-trigger-event.json",
			"aliyun/mns/devsapp-fc3-event-template-mns-with-MessageAttributes.json",
			"aliyun/mns/devsapp-fc3-event-template-mns-without-MessageAttributes.json",
			"aliyun/mns/devsapp-fc3-event-template-mns-stream.json",
			"aliyun/sls/devsapp-fc3-event-template-sls.json",
			"aliyun/http/devsapp-fc3-event-template-http.json");

	private static PortableHttpResponse invoke(String fixture, String function) {
		return AliyunTestRuntime.invokeEndpoint()
				.handle(AliyunTestRuntime.invokeRequest(Fixtures.bytes(fixture), "req-" + function), function);
	}

	@Test
	void every_aliyun_fixture_has_a_test_here() {
		assertThat(Fixtures.all("aliyun")).containsExactlyInAnyOrderElementsOf(COVERED);
	}

	@Test
	void oss_event_reaches_the_function_as_a_storage_object_event() {
		PortableHttpResponse response = invoke("aliyun/oss/devsapp-fc3-event-template-oss.json", "storageObject");

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.headers().first("x-fc-status")).isEqualTo("200");
		assertThat(response.bodyAsString()).isEqualTo("testbucket/image/a.jpg CREATED 122539 2017-04-21T12:46:37Z");
	}

	@Test
	void timer_event_reaches_the_function_as_a_scheduled_tick() {
		PortableHttpResponse response = invoke("aliyun/timer/docs-timer-trigger-event.json", "tick");

		assertThat(response.bodyAsString()).isEqualTo("timer-trigger at 2023-12-26T07:49Z with awesome-fc");
	}

	@Test
	void mns_topic_json_event_flattens_its_message_attributes_into_the_queue_message() {
		JsonNode message = JsonEvents.parse(invoke(
				"aliyun/mns/devsapp-fc3-event-template-mns-with-MessageAttributes.json", "queueMessage").body());

		assertThat(message.get("id").asString()).isEqualTo("2F5B3C281B283D4EAC694B742528****");
		assertThat(message.get("body").asString()).isEqualTo("hello topic");
		assertThat(message.get("source").asString()).isEqualTo("test-topic");
		assertThat(message.get("attributes").toString()).isEqualTo("{\"key\":\"value\"}");
	}

	@Test
	void mns_topic_json_event_without_attributes_has_none() {
		JsonNode message = JsonEvents.parse(invoke(
				"aliyun/mns/devsapp-fc3-event-template-mns-without-MessageAttributes.json", "queueMessage").body());

		assertThat(message.get("body").asString()).isEqualTo("hello topic");
		assertThat(message.get("attributes").isEmpty()).isTrue();
	}

	@Test
	void mns_stream_event_with_attributes_keeps_the_body_and_the_attrs() {
		JsonNode message = JsonEvents.parse(invoke(
				"aliyun/mns/devsapp-fc3-event-template-mns-stream.json", "queueMessage").body());

		assertThat(message.get("body").asString()).isEqualTo("hello topic");
		assertThat(message.get("attributes").get("Extend").asString()).isEqualTo("{\"key\":\"value\"}");
	}

	@Test
	void sls_job_notice_reaches_the_function_as_json() {
		PortableHttpResponse response = invoke("aliyun/sls/devsapp-fc3-event-template-sls.json", "jobName");

		assertThat(response.bodyAsString()).isEqualTo("1f7043ced683de1a4e3d8d70b5a412843d817a39");
	}

	@Test
	void http_trigger_event_is_answered_in_the_fc3_http_shape() {
		JsonNode answer = JsonEvents.parse(invoke("aliyun/http/devsapp-fc3-event-template-http.json", "reverse").body());

		assertThat(answer.get("statusCode").asInt()).isEqualTo(200);
		assertThat(answer.get("isBase64Encoded").asBoolean()).isFalse();
		assertThat(answer.get("body").asString()).isEqualTo("ahah");
		assertThat(answer.get("headers").get("Content-Type").asString()).startsWith("text/plain");
	}
}
