package dev.polyfn.conformance;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import dev.polyfn.core.events.JsonEvents;
import dev.polyfn.core.model.Headers;
import tools.jackson.databind.JsonNode;

/**
 * Reads the JSON answer gateways take from a function ({@code statusCode}, {@code headers} and/or
 * {@code multiValueHeaders}, {@code cookies}, {@code body}, {@code isBase64Encoded}): Lambda's proxy and ALB
 * responses, SCF's API Gateway response, FC 3.0's HTTP-trigger answer. Fails when the answer is not that shape.
 */
public final class JsonHttpAnswer {

	private JsonHttpAnswer() {
	}

	public static HttpAnswer read(byte[] json) {
		JsonNode answer = JsonEvents.parse(json);
		JsonNode status = answer.get("statusCode");
		if (status == null || !status.isNumber()) {
			throw new AssertionError("not an HTTP answer (no numeric statusCode): " + new String(json, StandardCharsets.UTF_8));
		}
		Headers headers = new Headers();
		JsonNode multi = answer.get("multiValueHeaders");
		if (multi != null && multi.isObject()) {
			multi.properties().forEach(e -> e.getValue().forEach(v -> headers.add(e.getKey(), v.asString())));
		}
		JsonNode single = answer.get("headers");
		if (single != null && single.isObject()) {
			single.properties().forEach(e -> {
				if (!headers.contains(e.getKey())) {
					headers.add(e.getKey(), e.getValue().asString());
				}
			});
		}
		JsonNode cookies = answer.get("cookies");
		if (cookies != null && cookies.isArray()) {
			cookies.forEach(c -> headers.add("Set-Cookie", c.asString()));
		}
		JsonNode body = answer.get("body");
		String text = body == null || body.isNull() ? "" : body.asString();
		boolean base64 = answer.has("isBase64Encoded") && answer.get("isBase64Encoded").asBoolean();
		return new HttpAnswer(status.asInt(), headers,
				base64 ? Base64.getDecoder().decode(text) : text.getBytes(StandardCharsets.UTF_8));
	}
}
