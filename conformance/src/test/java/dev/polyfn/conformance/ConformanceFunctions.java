package dev.polyfn.conformance;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

import dev.polyfn.core.events.JsonEvents;
import dev.polyfn.core.invoke.PolyfnHeaders;
import dev.polyfn.core.model.PortableHttpRequest;

/** Functions that make one behaviour observable each; the use-case functions come from the examples. */
@Configuration(proxyBeanMethods = false)
public class ConformanceFunctions {

	/** Text back exactly as it came: shows the charset survives the trip. */
	@Bean
	public Function<String, String> echo() {
		return text -> text;
	}

	/** Bytes back exactly as they came, as octet-stream: shows binary bodies round-trip byte for byte. */
	@Bean
	public Function<byte[], byte[]> echoBytes() {
		return bytes -> bytes;
	}

	/** Chooses its own status and headers. */
	@Bean
	public Function<Message<String>, Message<String>> created() {
		return message -> MessageBuilder.withPayload("created " + message.getPayload())
			.setHeader(PolyfnHeaders.HTTP_STATUS, 201)
			.setHeader("Location", "/items/" + message.getPayload())
			.setHeader("X-Case", "created")
			.build();
	}

	/** What the function saw of the request's query and headers. */
	@Bean
	public Function<PortableHttpRequest, Map<String, Object>> echoRequest() {
		return request -> {
			Map<String, Object> seen = new LinkedHashMap<>();
			seen.put("method", request.method());
			seen.put("query", request.query());
			seen.put("multi", request.headers().all("X-Multi").stream()
				.flatMap(v -> List.of(v.split(",")).stream()).map(String::trim).toList());
			return seen;
		};
	}

	/**
	 * Observes what the function before it answered, for triggers whose cloud discards a function's result (Azure
	 * blob and timer, GCP CloudEvents): those targets deploy {@code planThumbnail|recordAnswer} and read the
	 * answer from {@link AnswerRecorder}. Passes the answer on unchanged.
	 */
	@Bean
	public Function<Object, Object> recordAnswer() {
		return answer -> {
			Object payload = answer instanceof Message<?> message ? message.getPayload() : answer;
			AnswerRecorder.record(payload instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8)
					: payload instanceof String text ? text : JsonEvents.mapper().writeValueAsString(payload));
			return answer;
		};
	}

	/**
	 * What the malformed-input campaign deploys: takes any payload (the event's data or an HTTP body) so that
	 * every mutation reaches the pipeline, and answers how many bytes it saw.
	 */
	@Bean
	public Function<byte[], String> campaignSink() {
		return bytes -> "saw " + bytes.length + " bytes";
	}

	@Bean
	public Function<String, String> fail() {
		return text -> {
			throw new IllegalStateException("boom-secret-detail");
		};
	}
}
