package dev.polyfn.messaging.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

import dev.polyfn.core.messaging.Message;
import dev.polyfn.core.messaging.MessageDestination;
import dev.polyfn.core.messaging.MessagingException;
import dev.polyfn.core.messaging.MessagingSettings;
import dev.polyfn.local.Ports;
import dev.polyfn.local.azure.AzuriteServer;

/**
 * The answers Azurite does not give, from a loopback server that answers every request as Queue Storage does when it
 * is overloaded (503 ServerBusy, Queue service error codes), and from a port where nothing listens.
 */
class StorageQueueFailuresTest {

	private static final String SERVER_BUSY = "<?xml version=\"1.0\" encoding=\"utf-8\"?><Error><Code>ServerBusy</Code>"
			+ "<Message>The server is currently unable to receive requests. Please retry your request.</Message></Error>";

	private static MessageDestination open(int port) {
		String connection = "DefaultEndpointsProtocol=http;AccountName=" + AzuriteServer.ACCOUNT + ";AccountKey=" + AzuriteServer.KEY
				+ ";QueueEndpoint=http://127.0.0.1:" + port + "/" + AzuriteServer.ACCOUNT + ";";
		Map<String, String> properties = Map.of("AzureWebJobsStorage", connection);
		return new StorageQueueMessagingProvider().open(new MessagingSettings("order-results", "results", MessagingSettings.Kind.QUEUE,
				"azure-queue", properties::get));
	}

	@Test
	void server_busy_is_throttled_after_the_sdks_three_tries() throws IOException {
		AtomicInteger requests = new AtomicInteger();
		HttpServer busy = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		busy.createContext("/", exchange -> {
			requests.incrementAndGet();
			byte[] body = SERVER_BUSY.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("x-ms-error-code", "ServerBusy");
			exchange.getResponseHeaders().add("Content-Type", "application/xml");
			exchange.sendResponseHeaders(503, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		busy.start();
		try {
			MessageDestination results = open(busy.getAddress().getPort());

			assertThatThrownBy(() -> results.publish(Message.text("x"))).isInstanceOfSatisfying(MessagingException.Throttled.class,
					e -> assertThat(e.status()).isEqualTo(503));
			assertThat(requests).hasValue(3);
		}
		finally {
			busy.stop(0);
		}
	}

	@Test
	void no_answer_at_all_is_a_failed_publish() throws IOException {
		MessageDestination results = open(Ports.free());

		assertThatThrownBy(() -> results.publish(Message.text("x"))).isInstanceOfSatisfying(MessagingException.Failed.class,
				e -> assertThat(e.getMessage()).startsWith("Publishing to 'order-results' failed: no answer from Queue Storage"));
	}
}
