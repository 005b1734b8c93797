package dev.polyfn.azure.host;

import java.util.Map;

/**
 * The {@code RpcHttp} message the host sends for an HTTP trigger: URL, method, headers (names in lower case, one
 * value per name), query (only parameters with a value) and the body typed by its media type.
 */
public record RpcHttp(String url, String method, Map<String, String> headers, Map<String, String> query,
		TypedData body) {
}
