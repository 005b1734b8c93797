package dev.polyfn.messaging.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.azure.storage.queue.QueueClient;
import com.azure.storage.queue.QueueClientBuilder;
import com.azure.storage.queue.QueueMessageEncoding;
import com.azure.storage.queue.models.QueueMessageItem;

import dev.polyfn.core.messaging.BatchPublishResult;
import dev.polyfn.core.messaging.Message;
import dev.polyfn.core.messaging.MessageDestination;
import dev.polyfn.core.messaging.MessagingException;
import dev.polyfn.core.messaging.MessagingSettings;
import dev.polyfn.local.azure.AzuriteServer;

/**
 * Publishing to Azurite's queue service on loopback with the account as the Functions host has it
 * ({@code AzureWebJobsStorage}), read back with the SDK's own queue client.
 */
class StorageQueueDestinationTest {

	private static final String ORDER_RESULT = "{\"orderId\":\"o-1\",\"status\":\"CONFIRMED\",\"sku\":\"apple\",\"quantity\":2}";

	private static AzuriteServer azurite;
	private static StorageQueueMessagingProvider provider;
	private static int queues;

	@BeforeAll
	static void startAzurite() throws Exception {
		azurite = AzuriteServer.start(Path.of("target/azurite/queue.log"), AzuriteServer.Service.QUEUE);
		provider = new StorageQueueMessagingProvider();
	}

	@AfterAll
	static void stop() {
		provider.close();
		azurite.close();
	}

	/** A new queue for each test, so that each reads only its own messages. */
	private static QueueClient newQueue(QueueMessageEncoding reading) {
		QueueClient queue = new QueueClientBuilder().connectionString(azurite.connectionString()).queueName("results-" + ++queues)
			.messageEncoding(reading).buildClient();
		queue.create();
		return queue;
	}

	private static MessageDestination open(String alias, String queue, Map<String, String> more) {
		Map<String, String> properties = new HashMap<>(more);
		properties.putIfAbsent("AzureWebJobsStorage", azurite.connectionString());
		return provider.open(new MessagingSettings(alias, queue, MessagingSettings.Kind.QUEUE, "azure-queue", properties::get));
	}

	private static List<String> texts(QueueClient queue) {
		return queue.receiveMessages(32).stream().map(QueueMessageItem::getBody).map(b -> b.toString()).toList();
	}

	@Test
	void a_json_message_is_queued_base64_encoded_as_a_queue_triggered_function_reads_it_by_default() {
		QueueClient raw = newQueue(QueueMessageEncoding.NONE);
		MessageDestination results = open("order-results", raw.getQueueName(), Map.of());

		results.publish(Message.bytes(ORDER_RESULT.getBytes(StandardCharsets.UTF_8), "application/json"));

		assertThat(texts(raw)).containsExactly(Base64.getEncoder().encodeToString(ORDER_RESULT.getBytes(StandardCharsets.UTF_8)));
	}

	@Test
	void a_base64_client_reads_back_exactly_the_body_without_the_attributes() {
		QueueClient queue = newQueue(QueueMessageEncoding.BASE64);
		MessageDestination results = open("order-results", queue.getQueueName(), Map.of());

		String id = results.publish(Message.bytes(ORDER_RESULT.getBytes(StandardCharsets.UTF_8), "application/json")
			.withAttribute("type", "order-result").withAttribute("status", "CONFIRMED")).messageId();

		List<QueueMessageItem> received = queue.receiveMessages(32).stream().toList();
		assertThat(received).singleElement().satisfies(m -> {
			assertThat(m.getMessageId()).isEqualTo(id);
			assertThat(m.getBody().toString()).isEqualTo(ORDER_RESULT);
		});
	}

	@Test
	void message_encoding_none_queues_the_text_as_it_is_for_a_consumer_whose_host_json_says_none() {
		QueueClient raw = newQueue(QueueMessageEncoding.NONE);
		MessageDestination results = open("order-results", raw.getQueueName(),
				Map.of("polyfn.messaging.order-results.message-encoding", "none"));

		results.publish(Message.text(ORDER_RESULT));
		results.publish(Message.text("{\"reason\":\"<stock> & \\\"more\\\"\"}"));

		assertThat(texts(raw)).containsExactly(ORDER_RESULT, "{\"reason\":\"<stock> & \\\"more\\\"\"}");
	}

	@Test
	void a_binary_body_travels_base64_and_comes_back_byte_for_byte() {
		QueueClient queue = newQueue(QueueMessageEncoding.BASE64);
		byte[] png = { (byte) 0x89, 'P', 'N', 'G', 0, (byte) 0xff };

		open("thumbnails", queue.getQueueName(), Map.of()).publish(Message.bytes(png, "image/png"));

		assertThat(queue.receiveMessage().getBody().toBytes()).isEqualTo(png);
	}

	@Test
	void a_binary_body_is_refused_before_sending_when_the_encoding_is_none() {
		QueueClient raw = newQueue(QueueMessageEncoding.NONE);
		MessageDestination plain = open("thumbnails", raw.getQueueName(), Map.of("polyfn.messaging.thumbnails.message-encoding", "none"));

		assertThatThrownBy(() -> plain.publish(Message.bytes(new byte[] { (byte) 0xff, (byte) 0xfe }, "image/png")))
			.isInstanceOf(MessagingException.Failed.class).hasMessageContaining("message-encoding=base64");
		assertThat(texts(raw)).isEmpty();
	}

	@Test
	void forty_eight_kib_is_the_largest_body_that_base64_fits_in_the_64_kib_message() {
		QueueClient queue = newQueue(QueueMessageEncoding.BASE64);
		MessageDestination results = open("order-results", queue.getQueueName(), Map.of());

		results.publish(Message.bytes(new byte[48 * 1024], "application/octet-stream"));

		assertThatThrownBy(() -> results.publish(Message.bytes(new byte[48 * 1024 + 1], "application/octet-stream")))
			.isInstanceOfSatisfying(MessagingException.TooLarge.class, e -> assertThat(e.status()).isEqualTo(413))
			.hasMessage("The message for 'order-results' has 49153 bytes; that service takes at most 49152");
		assertThat(queue.receiveMessages(32).stream().map(m -> m.getBody().toBytes().length)).containsExactly(48 * 1024);
	}

	@Test
	void a_batch_publishes_each_message_and_answers_the_one_that_failed() {
		QueueClient queue = newQueue(QueueMessageEncoding.BASE64);
		MessageDestination results = open("order-results", queue.getQueueName(), Map.of());

		BatchPublishResult batch = results.publishBatch(List.of(Message.text("first"),
				Message.bytes(new byte[64 * 1024], "application/octet-stream"), Message.text("third")));

		assertThat(batch.failed()).singleElement().satisfies(e -> {
			assertThat(e.index()).isEqualTo(1);
			assertThat(e.failure()).isInstanceOf(MessagingException.TooLarge.class);
		});
		assertThat(texts(queue)).containsExactlyInAnyOrder("first", "third");
	}

	@Test
	void a_queue_that_does_not_exist_is_not_found_and_the_message_names_only_the_alias() {
		MessageDestination missing = open("order-results", "no-such-queue", Map.of());

		assertThatThrownBy(() -> missing.publish(Message.text("x"))).isInstanceOf(MessagingException.NotFound.class)
			.hasMessage("Messaging destination 'order-results' does not exist (or is not visible to the function's credentials)");
	}

	@Test
	void a_wrong_account_key_is_access_denied() {
		QueueClient queue = newQueue(QueueMessageEncoding.BASE64);
		String wrongKey = azurite.connectionString().replace(AzuriteServer.KEY,
				Base64.getEncoder().encodeToString("not the key of devstoreaccount1".getBytes(StandardCharsets.UTF_8)));
		MessageDestination denied = open("order-results", queue.getQueueName(), Map.of("AzureWebJobsStorage", wrongKey));

		assertThatThrownBy(() -> denied.publish(Message.text("x"))).isInstanceOfSatisfying(MessagingException.AccessDenied.class,
				e -> assertThat(e.getMessage()).doesNotContain(AzuriteServer.KEY, queue.getQueueName()));
	}

	@Test
	void an_alias_connection_string_wins_over_the_hosts_account() {
		QueueClient queue = newQueue(QueueMessageEncoding.BASE64);
		MessageDestination own = open("own", queue.getQueueName(), Map.of("AzureWebJobsStorage", "UseDevelopmentStorage=true",
				"polyfn.messaging.own.connection-string", azurite.connectionString()));

		own.publish(Message.text("mine"));

		assertThat(texts(queue)).containsExactly("mine");
	}

	@Test
	void without_any_account_setting_the_message_names_the_settings() {
		assertThatThrownBy(() -> provider.open(new MessagingSettings("none", "q", MessagingSettings.Kind.QUEUE, "azure-queue",
				name -> null)))
			.hasMessage("No Queue Storage account for messaging 'none': set polyfn.messaging.none.connection-string, or the app "
					+ "setting AzureWebJobsStorage (a connection string, UseDevelopmentStorage=true for Azurite) or "
					+ "AzureWebJobsStorage__accountName for the app's managed identity");
	}

	@Test
	void an_unknown_message_encoding_is_refused_on_opening() {
		assertThatThrownBy(() -> open("order-results", "q", Map.of("polyfn.messaging.order-results.message-encoding", "utf8")))
			.hasMessage("polyfn.messaging.order-results.message-encoding is base64 or none (host.json "
					+ "extensions.queues.messageEncoding of the consumer), not 'utf8'");
	}

	@Test
	void it_is_the_default_on_azure_for_queues_and_topics_and_nowhere_else() {
		assertThat(provider.isDefaultFor("azure", MessagingSettings.Kind.QUEUE)).isTrue();
		assertThat(provider.isDefaultFor("azure", MessagingSettings.Kind.TOPIC)).isTrue();
		assertThat(provider.isDefaultFor("aws", MessagingSettings.Kind.QUEUE)).isFalse();
		assertThat(provider.isDefaultFor("web", MessagingSettings.Kind.QUEUE)).isFalse();
	}
}
