package dev.polyfn.messaging.mns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.polyfn.core.messaging.BatchPublishResult;
import dev.polyfn.core.messaging.Message;
import dev.polyfn.core.messaging.MessageDestination;
import dev.polyfn.core.messaging.MessagingException;
import dev.polyfn.core.messaging.MessagingSettings;
import dev.polyfn.messaging.mns.testing.MnsTestServer;

/** Queues and topics on the loopback MNS emulation ({@link MnsTestServer}), with the credentials FC would hand over. */
class MnsDestinationTest {

	private static MnsTestServer mns;

	@BeforeAll
	static void startMns() throws Exception {
		mns = MnsTestServer.start();
		mns.createTopic("alerts");
		mns.subscribe("alerts", "alerts-inbox");
	}

	@AfterAll
	static void stopMns() {
		mns.close();
	}

	@BeforeEach
	void freshQueue() throws Exception {
		mns.createQueue("results");
		mns.receive("results", false);
		mns.receive("alerts-inbox", false);
	}

	private static Map<String, String> fcEnvironment() {
		Map<String, String> env = new HashMap<>();
		env.put("ALIBABA_CLOUD_ACCESS_KEY_ID", MnsTestServer.ACCESS_KEY_ID);
		env.put("ALIBABA_CLOUD_ACCESS_KEY_SECRET", MnsTestServer.ACCESS_KEY_SECRET);
		env.put("ALIBABA_CLOUD_SECURITY_TOKEN", MnsTestServer.SECURITY_TOKEN);
		env.put("polyfn.messaging.mns.endpoint", mns.endpoint());
		return env;
	}

	private static MessageDestination open(String destination, MessagingSettings.Kind kind, Map<String, String> more) {
		Map<String, String> properties = fcEnvironment();
		properties.putAll(more);
		return new MnsMessagingProvider().open(new MessagingSettings("out", destination, kind, "mns", properties::get));
	}

	private static MessageDestination queue() {
		return open("results", MessagingSettings.Kind.QUEUE, Map.of());
	}

	private static MessageDestination topic() {
		return open("alerts", MessagingSettings.Kind.TOPIC, Map.of());
	}

	@Test
	void a_queue_message_is_sent_base64_encoded_and_decodes_to_the_json_published() throws Exception {
		record Result(String orderId, String status) {
		}

		String id = queue().publish(Message.json(new Result("o-1", "CONFIRMED"))).messageId();

		String stored = mns.receive("results", false).get(0);
		assertThat(id).isNotBlank();
		assertThat(new String(Base64.getDecoder().decode(stored), StandardCharsets.UTF_8))
			.isEqualTo("{\"orderId\":\"o-1\",\"status\":\"CONFIRMED\"}");
	}

	@Test
	void a_topic_message_is_published_as_its_text_and_pushed_to_the_subscribed_queue() throws Exception {
		topic().publish(Message.text("35 > 30 & rising <fast>"));

		assertThat(mns.receive("alerts-inbox", false)).containsExactly("35 > 30 & rising <fast>");
	}

	@Test
	void a_topic_message_that_is_not_utf8_is_published_base64_encoded() throws Exception {
		byte[] png = { (byte) 0x89, 'P', 'N', 'G', 0, 1, 2 };

		topic().publish(Message.bytes(png, "image/png"));

		assertThat(Base64.getDecoder().decode(mns.receive("alerts-inbox", false).get(0))).isEqualTo(png);
	}

	@Test
	void the_base64_setting_sends_a_queue_body_as_its_text() throws Exception {
		open("results", MessagingSettings.Kind.QUEUE, Map.of("polyfn.messaging.out.base64", "false")).publish(Message.text("plain"));

		assertThat(mns.receive("results", false)).containsExactly("plain");
	}

	@Test
	void the_tag_attribute_becomes_the_topic_messages_message_tag() {
		MessageDestination tagged = open("alerts", MessagingSettings.Kind.TOPIC, Map.of("polyfn.messaging.out.tag-attribute", "type"));

		tagged.publish(Message.text("hot").withAttribute("type", "temperature"));

		assertThat(mns.tags("alerts")).endsWith("temperature");
	}

	@Test
	void a_batch_of_twenty_goes_as_two_batch_send_calls_of_sixteen_and_four_in_order() throws Exception {
		List<Message> messages = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			messages.add(Message.text("m" + i));
		}
		int before = mns.requests().size();

		BatchPublishResult result = queue().publishBatch(messages);

		assertThat(result.allPublished()).isTrue();
		assertThat(mns.requests().subList(before, mns.requests().size())).containsExactly(
				"POST /queues/results/messages", "POST /queues/results/messages");
		List<String> expected = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			expected.add("m" + i);
		}
		assertThat(mns.receive("results", true)).containsExactlyElementsOf(expected);
	}

	@Test
	void a_batch_entry_over_64_kb_fails_alone_and_the_others_are_published() throws Exception {
		Message tooLarge = Message.text("x".repeat(60_000));

		BatchPublishResult result = queue().publishBatch(List.of(Message.text("a"), tooLarge, Message.text("b")));

		assertThat(result.failed()).singleElement().satisfies(entry -> {
			assertThat(entry.index()).isEqualTo(1);
			assertThat(entry.failure()).isInstanceOf(MessagingException.TooLarge.class);
		});
		assertThat(mns.receive("results", true)).containsExactly("a", "b");
	}

	@Test
	void a_message_over_64_kb_as_sent_is_too_large_before_any_request() {
		int before = mns.requests().size();

		assertThatThrownBy(() -> topic().publish(Message.text("x".repeat(65_537))))
			.isInstanceOf(MessagingException.TooLarge.class).hasMessageContaining("65537").hasMessageContaining("65536");
		assertThat(mns.requests()).hasSize(before);
	}

	@Test
	void a_queue_that_does_not_exist_is_not_found_named_by_its_alias() {
		assertThatThrownBy(() -> open("missing", MessagingSettings.Kind.QUEUE, Map.of()).publish(Message.text("x")))
			.isInstanceOf(MessagingException.NotFound.class).hasMessageContaining("'out'").hasMessageNotContaining("missing");
	}

	@Test
	void a_topic_that_does_not_exist_is_not_found() {
		assertThatThrownBy(() -> open("missing", MessagingSettings.Kind.TOPIC, Map.of()).publish(Message.text("x")))
			.isInstanceOf(MessagingException.NotFound.class);
	}

	@Test
	void a_wrong_secret_fails_the_signature_check_and_is_access_denied() {
		MessageDestination wrongKey = open("results", MessagingSettings.Kind.QUEUE, Map.of("ALIBABA_CLOUD_ACCESS_KEY_SECRET", "not-it"));

		assertThatThrownBy(() -> wrongKey.publish(Message.text("x"))).isInstanceOf(MessagingException.AccessDenied.class)
			.hasRootCauseMessage("MNS 403 SignatureDoesNotMatch").hasMessageNotContaining("not-it");
	}

	@Test
	void an_unknown_access_key_id_is_access_denied() {
		MessageDestination unknown = open("results", MessagingSettings.Kind.QUEUE, Map.of("ALIBABA_CLOUD_ACCESS_KEY_ID", "LTAI-unknown"));

		assertThatThrownBy(() -> unknown.publish(Message.text("x"))).isInstanceOf(MessagingException.AccessDenied.class)
			.hasRootCauseMessage("MNS 403 InvalidAccessKeyId");
	}

	@Test
	void without_the_sts_token_the_request_is_access_denied() {
		MessageDestination noToken = open("results", MessagingSettings.Kind.QUEUE, Map.of("ALIBABA_CLOUD_SECURITY_TOKEN", ""));

		assertThatThrownBy(() -> noToken.publish(Message.text("x"))).isInstanceOf(MessagingException.AccessDenied.class);
	}

	@Test
	void a_429_too_many_requests_is_throttled() {
		mns.failNext(1, 429, "TooManyRequests");

		assertThatThrownBy(() -> queue().publish(Message.text("x"))).isInstanceOf(MessagingException.Throttled.class);
	}

	@Test
	void qps_limit_exceeded_is_throttled() {
		mns.failNext(1, 403, "QpsLimitExceeded");

		assertThatThrownBy(() -> topic().publish(Message.text("x"))).isInstanceOf(MessagingException.Throttled.class);
	}

	@Test
	void an_internal_error_is_failed_with_the_status_and_code_only() {
		mns.failNext(1, 500, "InternalError");

		assertThatThrownBy(() -> queue().publish(Message.text("x"))).isInstanceOf(MessagingException.Failed.class)
			.hasMessage("Publishing to 'out' failed: MNS answered 500 InternalError");
	}

	@Test
	void a_batch_answered_per_message_fails_only_the_refused_entries_with_their_codes() throws Exception {
		mns.failBatchEntries("QpsLimitExceeded", 1);

		BatchPublishResult result = queue().publishBatch(List.of(Message.text("a"), Message.text("b"), Message.text("c")));

		assertThat(result.failed()).singleElement().satisfies(entry -> {
			assertThat(entry.index()).isEqualTo(1);
			assertThat(entry.failure()).isInstanceOf(MessagingException.Throttled.class);
		});
		assertThat(result.entries().get(0).messageId()).isNotBlank();
		assertThat(mns.receive("results", true)).containsExactly("a", "c");
	}

	@Test
	void a_batch_refused_as_a_whole_fails_every_entry() {
		mns.failNext(1, 404, "QueueNotExist");

		BatchPublishResult result = queue().publishBatch(List.of(Message.text("a"), Message.text("b")));

		assertThat(result.failed()).hasSize(2).allSatisfy(entry -> assertThat(entry.failure()).isInstanceOf(MessagingException.NotFound.class));
	}

	@Test
	void an_endpoint_that_does_not_answer_is_failed() {
		MessageDestination nowhere = open("results", MessagingSettings.Kind.QUEUE,
				Map.of("polyfn.messaging.mns.endpoint", "http://127.0.0.1:" + dev.polyfn.local.Ports.free()));

		assertThatThrownBy(() -> nowhere.publish(Message.text("x"))).isInstanceOf(MessagingException.Failed.class)
			.hasMessageContaining("could not be reached");
	}

	@Test
	void on_fc_the_endpoint_is_the_regions_public_https_endpoint_of_the_account() {
		Map<String, String> fc = Map.of("FC_ACCOUNT_ID", "1234567890", "FC_REGION", "cn-hangzhou");

		assertThat(MnsMessagingProvider.endpoint(new MessagingSettings("out", "q", MessagingSettings.Kind.QUEUE, "mns", fc::get)))
			.isEqualTo("https://1234567890.mns.cn-hangzhou.aliyuncs.com");
	}

	@Test
	void outside_fc_without_an_account_region_or_endpoint_the_alias_says_what_to_set() {
		Map<String, String> nothing = Map.of();

		assertThatThrownBy(() -> new MnsMessagingProvider().open(new MessagingSettings("out", "q", MessagingSettings.Kind.QUEUE, "mns", nothing::get)))
			.isInstanceOf(IllegalStateException.class).hasMessageContaining("FC_ACCOUNT_ID and FC_REGION")
			.hasMessageContaining("polyfn.messaging.mns.endpoint");
	}

	@Test
	void a_function_without_a_role_has_no_credentials_and_is_told_so_at_its_first_publish() {
		Map<String, String> endpointOnly = Map.of("polyfn.messaging.mns.endpoint", mns.endpoint());
		MessageDestination destination = new MnsMessagingProvider()
			.open(new MessagingSettings("out", "results", MessagingSettings.Kind.QUEUE, "mns", endpointOnly::get));

		assertThatThrownBy(() -> destination.publish(Message.text("x"))).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("ALIBABA_CLOUD_ACCESS_KEY_ID");
	}

	@Test
	void the_provider_is_the_default_on_aliyun_for_queues_and_topics_and_nowhere_else() {
		MnsMessagingProvider provider = new MnsMessagingProvider();

		assertThat(provider.isDefaultFor("aliyun", MessagingSettings.Kind.QUEUE)).isTrue();
		assertThat(provider.isDefaultFor("aliyun", MessagingSettings.Kind.TOPIC)).isTrue();
		assertThat(provider.isDefaultFor("aws", MessagingSettings.Kind.QUEUE)).isFalse();
		assertThat(provider.name()).isEqualTo("mns");
	}
}
