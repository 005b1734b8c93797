package dev.polyfn.core.invoke;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.polyfn.core.CoreTestApplication;
import dev.polyfn.core.boot.PolyfnRuntime;
import dev.polyfn.core.model.PortableEvent;
import dev.polyfn.core.model.StorageObjectEvent;

class FunctionInvokerTest {

	private static PolyfnRuntime runtime;
	private static FunctionInvoker invoker;

	private final InvocationContext context = InvocationContext.of("test", "req-1", "fn");

	@BeforeAll
	static void start() {
		runtime = PolyfnRuntime.start(CoreTestApplication.class, "test", Map.of());
		invoker = runtime.invoker();
	}

	@AfterAll
	static void stop() {
		runtime.close();
	}

	private InvocationResult invoke(String definition, String body, String contentType) {
		return invoker.invoke(definition, FunctionInput.of(body.getBytes(StandardCharsets.UTF_8), contentType), context);
	}

	@Test
	void text_function_answers_200_with_text() {
		InvocationResult result = invoke("reverse", "hello", "text/plain");
		assertThat(result.status()).isEqualTo(200);
		assertThat(result.bodyAsString()).isEqualTo("olleh");
		assertThat(result.contentType()).startsWith("text/plain");
	}

	@Test
	void composition_with_comma_or_pipe_runs_left_to_right() {
		assertThat(invoke("uppercase,reverse", "hello", "text/plain").bodyAsString()).isEqualTo("OLLEH");
		assertThat(invoke("uppercase|reverse", "hello", "text/plain").bodyAsString()).isEqualTo("OLLEH");
	}

	@Test
	void json_pojo_in_and_out() {
		InvocationResult result = invoke("sum", "{\"numbers\":[1,2,3]}", "application/json");
		assertThat(result.status()).isEqualTo(200);
		assertThat(result.bodyAsString()).isEqualTo("{\"total\":6}");
		assertThat(result.contentType()).isEqualTo("application/json");
	}

	@Test
	void malformed_json_is_400_naming_the_function() {
		InvocationResult result = invoke("sum", "{\"numbers\":[1,", "application/json");
		assertThat(result.status()).isEqualTo(400);
		assertThat(result.error().error()).isEqualTo("invalid_input");
		assertThat(result.bodyAsString()).contains("sum").doesNotContain("\tat ");
	}

	@Test
	void binary_content_type_for_a_json_function_is_415() {
		assertThat(invoke("sum", "{}", "application/octet-stream").status()).isEqualTo(415);
	}

	@Test
	void empty_body_for_a_json_function_is_400() {
		assertThat(invoke("sum", "", "application/json").status()).isEqualTo(400);
	}

	@Test
	void unknown_function_is_404_listing_the_functions() {
		InvocationResult result = invoke("nope", "x", "text/plain");
		assertThat(result.status()).isEqualTo(404);
		assertThat(result.bodyAsString()).contains("nope").contains("reverse");
	}

	@Test
	void unknown_part_of_a_composition_is_404() {
		assertThat(invoke("uppercase|nope", "x", "text/plain").status()).isEqualTo(404);
	}

	@Test
	void consumer_answers_202_without_body() {
		InvocationResult result = invoke("remember", "note", "text/plain");
		assertThat(result.status()).isEqualTo(202);
		assertThat(result.body()).isEmpty();
		assertThat(CoreTestApplication.CONSUMED).contains("note");
	}

	@Test
	void supplier_needs_no_input() {
		InvocationResult result = invoke("greeting", "", null);
		assertThat(result.status()).isEqualTo(200);
		assertThat(result.bodyAsString()).isEqualTo("hi");
	}

	@Test
	void null_result_is_204() {
		assertThat(invoke("nothing", "x", "text/plain").status()).isEqualTo(204);
	}

	@Test
	void exception_is_500_without_its_message_or_stack_trace() {
		InvocationResult result = invoke("explode", "x", "text/plain");
		assertThat(result.status()).isEqualTo(500);
		assertThat(result.bodyAsString()).contains("IllegalStateException").doesNotContain("secret internal detail")
				.doesNotContain("\tat ");
	}

	@Test
	void function_status_exception_chooses_the_status_and_message() {
		InvocationResult result = invoke("conflict", "a", "text/plain");
		assertThat(result.status()).isEqualTo(409);
		assertThat(result.bodyAsString()).isEqualTo("{\"error\":\"conflict\",\"message\":\"already there: a\"}");
	}

	@Test
	void message_function_sees_context_headers_and_chooses_status_and_headers() {
		InvocationResult result = invoke("inspect", "body", "text/plain");
		assertThat(result.status()).isEqualTo(201);
		assertThat(result.bodyAsString()).contains("\"requestId\":\"req-1\"");
		assertThat(result.headers()).containsEntry("X-Inspected", "yes");
		assertThat(result.headers().keySet()).noneMatch(name -> name.startsWith("polyfn-"))
				.doesNotContain("id", "timestamp", "contentType");
	}

	@Test
	void bytes_pass_through_untouched() {
		byte[] png = { (byte) 0x89, 'P', 'N', 'G', 0, (byte) 0xff };
		InvocationResult result = invoker.invoke("bytes", FunctionInput.of(png, "image/png"), context);
		assertThat(result.body()).isEqualTo(png);
		assertThat(result.contentType()).isEqualTo("application/octet-stream");
	}

	@Test
	void text_that_looks_like_a_json_array_is_one_input_not_a_batch() {
		assertThat(invoke("reverse", "[\"ab\",\"cd\"]", "text/plain").bodyAsString()).isEqualTo("]\"dc\",\"ba\"[");
		assertThat(invoke("uppercase|reverse", "[\"ab\"]", "text/plain").bodyAsString()).isEqualTo("]\"BA\"[");
	}

	@Test
	void bytes_that_look_like_json_stay_bytes() {
		byte[] json = "{\"not\":\"parsed\"}".getBytes(StandardCharsets.UTF_8);
		InvocationResult result = invoker.invoke("bytes", FunctionInput.of(json, "application/json"), context);
		assertThat(result.status()).isEqualTo(200);
		assertThat(result.body()).isEqualTo(json);
	}

	@Test
	void event_with_typed_payload_reaches_a_function_taking_that_type() {
		PortableEvent event = PortableEvent.builder().type("storage").data("{}")
				.payload(new StorageObjectEvent("bucket", "a b.png", 1L, null, null, StorageObjectEvent.Action.CREATED, null))
				.build();
		InvocationResult result = invoker.invokeEvent(invoker.resolve("objectKey"), event, context);
		assertThat(result.bodyAsString()).isEqualTo("bucket/a b.png");
	}

	@Test
	void batch_reports_exactly_the_failing_item() {
		List<PortableEvent> events = List.of(PortableEvent.builder().id("1").data("ok").build(),
				PortableEvent.builder().id("2").data("bad").build(), PortableEvent.builder().id("3").data("fine").build());
		BatchOutcome outcome = invoker.invokeBatch(invoker.resolve("picky"), events, context);
		assertThat(outcome.failedEventIds()).containsExactly("2");
		assertThat(outcome.items()).hasSize(3);
	}

	@Test
	void function_taking_a_list_gets_the_whole_batch_in_one_call() {
		List<PortableEvent> events = List.of(PortableEvent.builder().id("1").data("a").build(),
				PortableEvent.builder().id("2").data("b").build());
		BatchOutcome outcome = invoker.invokeBatch(invoker.resolve("count"), events, context);
		assertThat(outcome.allSucceeded()).isTrue();
		assertThat(outcome.items().get(0).result().bodyAsString()).isEqualTo("2");
	}

	@Test
	void several_functions_and_no_definition_means_no_default() {
		assertThat(invoker.defaultDefinition()).isNull();
		assertThatThrownBy(invoker::validateDefaultFunction).hasMessageContaining("spring.cloud.function.definition")
				.hasMessageContaining("reverse");
	}

	@Test
	void describes_every_function_with_its_kind() {
		assertThat(invoker.describe()).extracting(FunctionDescription::name).contains("reverse", "greeting", "remember");
		assertThat(invoker.describe()).filteredOn(d -> d.name().equals("greeting")).extracting(FunctionDescription::kind)
				.containsExactly("supplier");
	}

	@Test
	void a_consumer_before_the_end_of_a_composition_is_400_naming_it() {
		InvocationResult result = invoke("remember,reverse", "hello", "text/plain");

		assertThat(result.status()).isEqualTo(400);
		assertThat(result.error().message()).contains("'remember'").contains("consumer");
	}

	@Test
	void an_input_type_jackson_cannot_build_is_a_500_not_the_callers_fault() {
		InvocationResult result = invoke("untypable", "{\"a\":1}", "application/json");

		assertThat(result.status()).isEqualTo(500);
		assertThat(result.error().message()).isEqualTo("Function 'untypable' takes an input type that cannot be read from JSON");
	}
}
