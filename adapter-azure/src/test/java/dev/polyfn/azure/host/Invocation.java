package dev.polyfn.azure.host;

import java.util.Map;
import java.util.UUID;

/**
 * One {@code InvocationRequest} as the host sends it to the Java worker: the function it names, the input data by
 * binding name, and the trigger metadata by key (what {@code @BindingName} parameters read).
 */
public record Invocation(String functionName, String invocationId, Map<String, Object> inputs,
		Map<String, TypedData> triggerMetadata) {

	public static Invocation of(String functionName, Map<String, Object> inputs, Map<String, TypedData> metadata) {
		return new Invocation(functionName, UUID.randomUUID().toString(), Map.copyOf(inputs), Map.copyOf(metadata));
	}

	/** The same invocation without one metadata key: what the host sends when that value is null. */
	public Invocation without(String metadataKey) {
		Map<String, TypedData> fewer = new java.util.LinkedHashMap<>(triggerMetadata);
		fewer.remove(metadataKey);
		return new Invocation(functionName, invocationId, inputs, Map.copyOf(fewer));
	}
}
