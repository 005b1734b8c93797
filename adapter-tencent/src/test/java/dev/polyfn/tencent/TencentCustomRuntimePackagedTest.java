package dev.polyfn.tencent;

import static dev.polyfn.tencent.TestEvents.bytes;
import static dev.polyfn.tencent.TestEvents.fixture;
import static dev.polyfn.tencent.TestEvents.with;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.polyfn.core.events.JsonEvents;
import dev.polyfn.local.ScfRuntimeApi;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The event function as SCF's Custom Runtime runs it: the unpacked ZIP's {@code bootstrap} started in
 * {@link ScfImageEnvironment} (no {@code java} anywhere but the bundled JRE) with {@code SCF_RUNTIME_API} and
 * {@code SCF_RUNTIME_API_PORT} pointing at polyfn-local's {@link ScfRuntimeApi} (SCF's side of the Custom Runtime API), which hands it
 * vendor-fixture events.
 */
class TencentCustomRuntimePackagedTest {

	private static ScfRuntimeApi scf;
	private static Process bootstrap;
	private static Path log;

	@BeforeAll
	static void startBootstrap() throws Exception {
		Path code = UnpackedTencentPackage.get().code;
		scf = new ScfRuntimeApi();
		log = Files.createTempFile("scf-custom-runtime-", ".log");
		ProcessBuilder builder = new ProcessBuilder(code.resolve("bootstrap").toString()).directory(code.toFile())
				.redirectErrorStream(true).redirectOutput(log.toFile());
		builder.environment().remove("SPRING_CLOUD_FUNCTION_DEFINITION");
		ScfImageEnvironment.applyTo(builder.environment());
		builder.environment().put("SCF_RUNTIME_API", scf.host());
		builder.environment().put("SCF_RUNTIME_API_PORT", String.valueOf(scf.port()));
		long started = System.nanoTime();
		bootstrap = builder.start();
		try {
			scf.ready().get(90, TimeUnit.SECONDS);
		}
		catch (TimeoutException notReady) {
			throw new IllegalStateException("bootstrap never reported /runtime/init/ready:\n" + Files.readString(log));
		}
		System.out.printf("SCF custom runtime reported ready %d ms after bootstrap started%n",
				(System.nanoTime() - started) / 1_000_000);
	}

	@AfterAll
	static void stop() throws Exception {
		if (bootstrap != null) {
			bootstrap.destroy();
			bootstrap.waitFor();
		}
		if (scf != null) {
			scf.close();
		}
	}

	@Test
	void api_gateway_request_to_reverse_is_posted_back_as_a_gateway_response() throws Exception {
		ObjectNode event = with(fixture("tencent/apigateway/docs-apigw-integration-request-event.json"), "/path", "/reverse");
		ScfRuntimeApi.Outcome outcome = invoke(event);
		JsonNode response = JsonEvents.parse(outcome.body().getBytes());
		assertThat(List.of(outcome.error(), response.get("statusCode").asInt(), response.get("body").asString()))
				.containsExactly(false, 200, "}\"ydob\":\"tset\"{");
	}

	@Test
	void timer_named_cleanupExpired_gets_its_report() throws Exception {
		ObjectNode event = with(fixture("tencent/timer/docs-timer-event.json"), "/TriggerName", "cleanupExpired");
		ScfRuntimeApi.Outcome outcome = invoke(event);
		assertThat(List.of(outcome.error(), JsonEvents.parse(outcome.body().getBytes()).get("schedule").asString()))
				.containsExactly(false, "cleanupExpired");
	}

	@Test
	void ckafka_record_that_is_not_an_order_is_posted_as_an_error_without_stack_trace() throws Exception {
		ObjectNode event = with(fixture("tencent/ckafka/scfcli-generate-event-ckafka-consume.json"),
				"/Records/0/Ckafka/topic", "orders");
		ScfRuntimeApi.Outcome outcome = invoke(event);
		assertThat(List.of(outcome.error(), outcome.body().startsWith("Function 'processOrder' failed for 1 of 1"),
				outcome.body().contains("\tat "))).as(outcome.body()).containsExactly(true, true, false);
	}

	@Test
	void the_runtime_keeps_serving_after_a_failed_invocation() throws Exception {
		invoke(with(fixture("tencent/ckafka/scfcli-generate-event-ckafka-consume.json"), "/Records/0/Ckafka/topic", "orders"));
		ScfRuntimeApi.Outcome next = invoke(
				with(fixture("tencent/apigateway/docs-apigw-integration-request-event.json"), "/path", "/reverse"));
		assertThat(List.of(next.error(), bootstrap.isAlive())).containsExactly(false, true);
	}

	/** Hands the runtime one event and waits for what it posts back. */
	private static ScfRuntimeApi.Outcome invoke(JsonNode event) throws Exception {
		return scf.invoke(bytes(event)).get(60, TimeUnit.SECONDS);
	}
}
