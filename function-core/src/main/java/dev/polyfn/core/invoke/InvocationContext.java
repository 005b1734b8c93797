package dev.polyfn.core.invoke;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.polyfn.core.model.RandomIds;

/**
 * What the cloud says about this invocation. Its entries reach the function as Message headers and
 * the logs as MDC entries ({@code requestId}, {@code functionName}).
 *
 * @param cloud the target (web, aws, azure, gcp, aliyun, tencent)
 * @param requestId the cloud's invocation id, or a caller's; kept only as far as it is safe ({@link CallerText})
 * @param functionName the cloud's name of the deployed function, null when there is none
 * @param attributes further headers for the function (a cloud's own context object, for instance)
 */
public record InvocationContext(String cloud, String requestId, String functionName, Map<String, Object> attributes) {

	public InvocationContext {
		// Ids reach every log line and the function's headers: a caller's X-Request-Id may hold anything.
		requestId = requestId == null || requestId.isBlank() ? RandomIds.next() : CallerText.requestId(requestId);
		attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
	}

	public static InvocationContext of(String cloud, String requestId, String functionName) {
		return new InvocationContext(cloud, requestId, functionName, Map.of());
	}

	public InvocationContext with(String name, Object value) {
		if (value == null) {
			return this;
		}
		Map<String, Object> more = new LinkedHashMap<>(attributes);
		more.put(name, value);
		return new InvocationContext(cloud, requestId, functionName, more);
	}

	Map<String, Object> toHeaders() {
		Map<String, Object> headers = new LinkedHashMap<>(attributes);
		headers.put(PolyfnHeaders.CLOUD, cloud);
		headers.put(PolyfnHeaders.REQUEST_ID, requestId);
		if (functionName != null) {
			headers.put(PolyfnHeaders.FUNCTION_NAME, functionName);
		}
		return headers;
	}
}
