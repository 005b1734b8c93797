package dev.polyfn.azure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.logging.Level;

import org.junit.jupiter.api.Test;

import dev.polyfn.azure.host.FunctionsHost;
import dev.polyfn.azure.host.Invocation;
import dev.polyfn.azure.host.JavaWorker;
import dev.polyfn.azure.testapp.AzureTestApplication.OrderSeen;
import dev.polyfn.core.events.JsonEvents;
import dev.polyfn.core.model.QueueMessage;
import dev.polyfn.core.testing.Fixtures;
import tools.jackson.databind.JsonNode;

/**
 * Queue invocations as the host sends them: the docs' message metadata (Id, DequeueCount, InsertionTime, ...)
 * with the value types the Storage Queues extension gives them; the message text is the docs' own or an order
 * from {@code src/test/resources}.
 */
class QueueTriggerHandlerTest {

	private static final String DOCS_QUEUE = "azure/queue/docs-custom-handler-queue-invoke-request.json";

	private final QueueTriggerHandler handler = new QueueTriggerHandler(AzureTestSupport.functions());

	@Test
	void process_order_gets_the_order_in_the_message_with_the_invocation_id() throws Exception {
		String order = new String(getClass().getResourceAsStream("/messages/order-apple.json").readAllBytes());
		Invocation invocation = invocation("processOrder", order);

		JavaWorker.Outcome outcome = JavaWorker.invoke(handler, invocation);

		assertThat(outcome.failure()).isNull();
		OrderSeen seen = AzureTestSupport.recorder().last(OrderSeen.class);
		assertThat(seen.order().orderId()).isEqualTo("o-1001");
		assertThat(seen.order().sku()).isEqualTo("apple");
		assertThat(seen.requestId()).isEqualTo(invocation.invocationId());
		assertThat(seen.functionName()).isEqualTo("processOrder");
	}

	@Test
	void a_function_taking_a_queue_message_sees_id_attempt_and_queue() {
		JsonNode metadata = JsonEvents.at(docs(), "Metadata");

		JavaWorker.invoke(handler, invocation("inspectMessage", JsonEvents.text(docs(), "Data", "myQueueItem")));

		QueueMessage message = AzureTestSupport.recorder().last(QueueMessage.class);
		assertThat(message.id()).isEqualTo(JsonEvents.text(metadata, "Id"));
		assertThat(message.attempt()).isEqualTo(1);
		assertThat(message.source()).isEqualTo("orders");
		assertThat(message.body()).isEqualTo("{ message: \"Message sent\" }");
	}

	@Test
	void a_message_without_the_nullable_time_stamps_is_still_delivered() {
		Invocation invocation = invocation("inspectMessage", "no times")
				.without("InsertionTime").without("ExpirationTime").without("NextVisibleTime");

		JavaWorker.Outcome outcome = JavaWorker.invoke(handler, invocation);

		assertThat(outcome.failure()).isNull();
		assertThat(AzureTestSupport.recorder().last(QueueMessage.class).body()).isEqualTo("no times");
	}

	@Test
	void a_message_that_is_not_json_fails_loudly_so_azure_retries_it_and_logs_it_once() {
		AzureTestSupport.Logs logs = new AzureTestSupport.Logs();
		Invocation invocation = invocation("processOrder", JsonEvents.text(docs(), "Data", "myQueueItem"));

		JavaWorker.Outcome outcome = logs.invoke(handler, invocation);

		assertThat(outcome.failedInWorker()).isFalse();
		assertThat(outcome.failure()).isInstanceOf(AzureEventFailure.class)
				.hasMessageContaining("400 invalid_input")
				.hasMessageContaining("[invocation " + invocation.invocationId() + "]");
		assertThat(logs.records).hasSize(1);
		// The caller's fault: a warning, not a severe error.
		assertThat(logs.records.get(0).getLevel()).isEqualTo(Level.WARNING);
		assertThat(logs.records.get(0).getMessage()).contains(invocation.invocationId());
	}

	@Test
	void an_order_the_function_rejects_propagates_with_its_status() throws Exception {
		String order = new String(getClass().getResourceAsStream("/messages/order-without-sku.json").readAllBytes());

		JavaWorker.Outcome outcome = JavaWorker.invoke(handler, invocation("processOrder", order));

		assertThat(outcome.failure()).isInstanceOf(AzureEventFailure.class).hasMessageContaining("422");
	}

	@Test
	void a_queue_function_with_no_bean_of_its_name_and_several_beans_fails_with_404() {
		JavaWorker.Outcome outcome = JavaWorker.invoke(handler, invocation("nosuchfunction", "hello"));

		assertThat(outcome.failure()).isInstanceOf(AzureEventFailure.class).hasMessageContaining("404");
	}

	/** The docs' message metadata around {@code text}, as the host sends it for {@code functionName}. */
	static Invocation invocation(String functionName, String text) {
		JsonNode metadata = JsonEvents.at(docs(), "Metadata");
		return FunctionsHost.queueInvocation(functionName, "message", new FunctionsHost.QueueMessage(text,
				JsonEvents.text(metadata, "Id"), JsonEvents.longValue(metadata, "DequeueCount"),
				JsonEvents.text(metadata, "InsertionTime"), JsonEvents.text(metadata, "ExpirationTime"),
				JsonEvents.text(metadata, "NextVisibleTime"), JsonEvents.text(metadata, "PopReceipt")));
	}

	private static JsonNode docs() {
		return JsonEvents.parse(Fixtures.bytes(DOCS_QUEUE));
	}
}
