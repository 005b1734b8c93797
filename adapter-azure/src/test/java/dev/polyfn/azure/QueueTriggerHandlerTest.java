package dev.polyfn.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.logging.Level;

import org.junit.jupiter.api.Test;

import dev.polyfn.azure.AzureTestSupport.Invocation;
import dev.polyfn.azure.testapp.AzureTestApplication.OrderSeen;
import dev.polyfn.core.events.JsonEvents;
import dev.polyfn.core.model.QueueMessage;
import dev.polyfn.core.testing.Fixtures;
import tools.jackson.databind.JsonNode;

/**
 * The docs' queue invocation gives the trigger metadata (Id, DequeueCount, InsertionTime, ...) exactly as the
 * worker binds it by name; the message text is the docs' own or an order from {@code src/test/resources}.
 */
class QueueTriggerHandlerTest {

	private static final String DOCS_QUEUE = "azure/queue/docs-custom-handler-queue-invoke-request.json";

	private final QueueTriggerHandler handler = new QueueTriggerHandler(AzureTestSupport.functions());

	@Test
	void process_order_gets_the_order_in_the_message_with_the_invocation_id() throws Exception {
		String order = new String(getClass().getResourceAsStream("/messages/order-apple.json").readAllBytes());

		deliver(order, "processOrder", "inv-q1");

		OrderSeen seen = AzureTestSupport.recorder().last(OrderSeen.class);
		assertThat(seen.order().orderId()).isEqualTo("o-1001");
		assertThat(seen.order().sku()).isEqualTo("apple");
		assertThat(seen.requestId()).isEqualTo("inv-q1");
		assertThat(seen.functionName()).isEqualTo("processOrder");
	}

	@Test
	void a_function_taking_a_queue_message_sees_id_attempt_and_queue() {
		JsonNode metadata = JsonEvents.at(docs(), "Metadata");

		deliver(JsonEvents.text(docs(), "Data", "myQueueItem"), "inspectMessage", "inv-q2");

		QueueMessage message = AzureTestSupport.recorder().last(QueueMessage.class);
		assertThat(message.id()).isEqualTo(JsonEvents.text(metadata, "Id"));
		assertThat(message.attempt()).isEqualTo(1);
		assertThat(message.source()).isEqualTo("orders");
		assertThat(message.body()).isEqualTo("{ message: \"Message sent\" }");
		assertThat(message.attributes()).containsEntry("insertionTime", JsonEvents.text(metadata, "InsertionTime"));
	}

	@Test
	void a_message_that_is_not_json_fails_loudly_so_azure_retries_it_and_logs_it_once() {
		Invocation invocation = new Invocation("processOrder", "inv-q3");

		assertThatThrownBy(() -> deliver(JsonEvents.text(docs(), "Data", "myQueueItem"), invocation))
				.isInstanceOf(AzureEventFailure.class)
				.hasMessageContaining("400 invalid_input")
				.hasMessageContaining("[invocation inv-q3]");
		assertThat(invocation.logged).hasSize(1);
		// The caller's fault: a warning, not a severe error.
		assertThat(invocation.logged.get(0).getLevel()).isEqualTo(Level.WARNING);
		assertThat(invocation.logged.get(0).getMessage()).contains("inv-q3");
	}

	@Test
	void an_order_the_function_rejects_propagates_with_its_status() throws Exception {
		String order = new String(getClass().getResourceAsStream("/messages/order-without-sku.json").readAllBytes());

		assertThatThrownBy(() -> deliver(order, "processOrder", "inv-q4"))
				.isInstanceOf(AzureEventFailure.class)
				.hasMessageContaining("422");
	}

	@Test
	void a_queue_function_with_no_bean_of_its_name_and_several_beans_fails_with_404() {
		assertThatThrownBy(() -> deliver("hello", "nosuchfunction", "inv-q5"))
				.isInstanceOf(AzureEventFailure.class)
				.hasMessageContaining("404");
	}

	private void deliver(String message, String functionName, String invocationId) {
		deliver(message, new Invocation(functionName, invocationId));
	}

	private void deliver(String message, Invocation invocation) {
		JsonNode metadata = JsonEvents.at(docs(), "Metadata");
		handler.run(message, JsonEvents.text(metadata, "Id"), JsonEvents.longValue(metadata, "DequeueCount"),
				JsonEvents.text(metadata, "InsertionTime"), JsonEvents.text(metadata, "ExpirationTime"),
				JsonEvents.text(metadata, "NextVisibleTime"), invocation.context);
	}

	private static JsonNode docs() {
		return JsonEvents.parse(Fixtures.bytes(DOCS_QUEUE));
	}
}
