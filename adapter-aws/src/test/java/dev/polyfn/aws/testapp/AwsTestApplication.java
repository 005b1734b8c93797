package dev.polyfn.aws.testapp;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import org.slf4j.MDC;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

import dev.polyfn.aws.AwsHeaders;
import dev.polyfn.core.FunctionStatusException;
import dev.polyfn.core.invoke.PolyfnHeaders;
import dev.polyfn.core.model.PortableEvent;
import dev.polyfn.core.model.PortableHttpRequest;

/** Functions that show what the adapter handed them, for the adapter's unit tests. */
@SpringBootApplication
public class AwsTestApplication {

	/** The portable HTTP request as the function saw it. */
	@Bean
	public Function<PortableHttpRequest, Map<String, Object>> describeRequest() {
		return request -> {
			Map<String, Object> seen = new LinkedHashMap<>();
			seen.put("method", request.method());
			seen.put("path", request.path());
			seen.put("query", request.query());
			seen.put("headers", request.headers().toMap());
			seen.put("cookies", request.cookies());
			seen.put("body", request.bodyAsString());
			return seen;
		};
	}

	/** The same bytes back, as binary. */
	@Bean
	public Function<Message<byte[]>, Message<byte[]>> echo() {
		return message -> MessageBuilder.withPayload(message.getPayload())
				.setHeader("contentType", "application/octet-stream")
				.setHeader("X-Echo", "yes")
				.build();
	}

	/** The text it got, as JSON: shows that a payload arrived unchanged. */
	@Bean
	public Function<String, Map<String, String>> received() {
		return text -> Map.of("received", text);
	}

	/** The portable event and its typed payload. */
	@Bean
	public Function<PortableEvent, Map<String, Object>> describeEvent() {
		return event -> {
			Map<String, Object> seen = new LinkedHashMap<>();
			seen.put("id", event.id());
			seen.put("type", event.type());
			seen.put("source", event.source());
			seen.put("subject", event.subject());
			seen.put("data", new String(event.data(), StandardCharsets.UTF_8));
			seen.put("payload", event.payload());
			return seen;
		};
	}

	/** Reads JSON: a malformed body is the caller's error. */
	@Bean
	public Function<Map<String, Object>, Map<String, Object>> jsonEcho() {
		return json -> json;
	}

	@Bean
	public Function<String, String> failing() {
		return text -> {
			throw new IllegalStateException("failing on purpose");
		};
	}

	/** Fails (422) for a body that contains "bad", upper-cases anything else. */
	@Bean
	public Function<String, String> rejectBad() {
		return text -> {
			if (text.contains("bad")) {
				throw new FunctionStatusException(422, "bad message");
			}
			return text.toUpperCase();
		};
	}

	/** What the invocation context told the function: request id and function name headers, the MDC. */
	@Bean
	public Function<Message<String>, Map<String, Object>> invocationContext() {
		return message -> {
			Map<String, Object> seen = new LinkedHashMap<>();
			seen.put("requestId", message.getHeaders().get(PolyfnHeaders.REQUEST_ID));
			seen.put("functionName", message.getHeaders().get(PolyfnHeaders.FUNCTION_NAME));
			seen.put("hasLambdaContext", message.getHeaders().get(AwsHeaders.LAMBDA_CONTEXT) != null);
			seen.put("mdcAwsRequestId", MDC.get(AwsHeaders.MDC_REQUEST_ID));
			seen.put("mdcRequestId", MDC.get("requestId"));
			return seen;
		};
	}
}
