package dev.polyfn.local;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code x-fc-*} headers Function Compute 3.0 adds to every request it forwards to a custom runtime, the
 * caller's temporary credentials included (so that a function can call other Alibaba Cloud services). The
 * credential values here are test values: a log that shows one has leaked a secret.
 */
public final class FcRequestHeaders {

	public static final String ACCESS_KEY_ID = "STS.polyfnLocalAccessKeyId";
	public static final String ACCESS_KEY_SECRET = "polyfnLocalAccessKeySecret";
	public static final String SECURITY_TOKEN = "polyfnLocalSecurityToken";

	private FcRequestHeaders() {
	}

	/** The headers of a request to {@code functionName} (without {@code x-fc-request-id}, which each request has its own). */
	public static Map<String, String> of(String functionName) {
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("x-fc-function-name", functionName);
		headers.put("x-fc-region", "cn-hangzhou");
		headers.put("x-fc-access-key-id", ACCESS_KEY_ID);
		headers.put("x-fc-access-key-secret", ACCESS_KEY_SECRET);
		headers.put("x-fc-security-token", SECURITY_TOKEN);
		return headers;
	}
}
