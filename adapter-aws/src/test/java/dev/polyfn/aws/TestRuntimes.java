package dev.polyfn.aws;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.polyfn.aws.testapp.AwsTestApplication;
import dev.polyfn.core.boot.PolyfnRuntime;
import dev.polyfn.core.events.JsonEvents;
import dev.polyfn.core.invoke.InvocationContext;
import dev.polyfn.core.testing.Fixtures;
import tools.jackson.databind.JsonNode;

/** One started test application per configured function, shared by the tests of a JVM. */
public final class TestRuntimes {

	private static final Map<String, PolyfnRuntime> RUNTIMES = new ConcurrentHashMap<>();

	private TestRuntimes() {
	}

	/** The test application with {@code spring.cloud.function.definition} set to the given function. */
	public static PolyfnRuntime running(String definition) {
		return RUNTIMES.computeIfAbsent(definition, d -> PolyfnRuntime.start(AwsTestApplication.class, "aws",
				Map.of("spring.cloud.function.definition", d)));
	}

	public static InvocationContext context() {
		return InvocationContext.of("aws", "test-request-id", "test-function");
	}

	public static JsonNode fixture(String path) {
		return JsonEvents.parse(Fixtures.bytes(path));
	}

	/** Runs a shape on a fixture with the given function and parses Lambda's response payload. */
	public static JsonNode run(LambdaShape shape, String definition, JsonNode event) {
		byte[] raw = JsonEvents.toBytes(event);
		return JsonEvents.parse(shape.handle(raw, event, running(definition), context()));
	}
}
