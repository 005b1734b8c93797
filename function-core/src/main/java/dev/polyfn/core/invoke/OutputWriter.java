package dev.polyfn.core.invoke;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

import org.reactivestreams.Publisher;
import org.springframework.cloud.function.json.JsonMapper;
import org.springframework.messaging.Message;

import dev.polyfn.core.model.MediaTypes;
import dev.polyfn.core.model.PortableHttpResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Writes a function's result as bytes with a content type: bytes as they are, text as UTF-8, a
 * {@link PortableHttpResponse} as the function built it, anything else as JSON. A {@code Message} result
 * contributes its headers, minus everything internal and everything the input already carried, so pipeline
 * headers never leak into HTTP responses.
 */
final class OutputWriter {

	private final Supplier<JsonMapper> jsonMapper;

	OutputWriter(Supplier<JsonMapper> jsonMapper) {
		this.jsonMapper = jsonMapper;
	}

	InvocationResult write(ResolvedFunction function, Object result, Map<String, Object> inputHeaders) {
		result = unwrapPublisher(result);
		Map<String, Object> headers = Map.of();
		if (result instanceof Message<?> message) {
			headers = outgoingHeaders(message, inputHeaders);
			result = message.getPayload();
			result = unwrapPublisher(result);
		}
		if (result instanceof Optional<?> optional) {
			result = optional.orElse(null);
		}
		int status = statusFrom(headers, function);
		String declaredType = headers.get("contentType") == null ? null : headers.get("contentType").toString();
		Map<String, Object> visible = new LinkedHashMap<>(headers);
		visible.remove("contentType");
		visible.remove(PolyfnHeaders.HTTP_STATUS);

		if (result == null || (result instanceof byte[] b && b.length == 0 && function.isConsumer())) {
			return new InvocationResult(status != 0 ? status : function.isConsumer() ? 202 : 204, new byte[0], null,
					visible, null);
		}
		if (result instanceof PortableHttpResponse response) {
			return new InvocationResult(response.status(), response.body(), response.contentType(),
					asHeaders(response), null);
		}
		int ok = status != 0 ? status : 200;
		if (result instanceof byte[] bytes) {
			return new InvocationResult(ok, bytes, Objects.requireNonNullElse(declaredType, MediaTypes.OCTET_STREAM),
					visible, null);
		}
		if (result instanceof String text) {
			return new InvocationResult(ok, text.getBytes(StandardCharsets.UTF_8),
					Objects.requireNonNullElse(declaredType, MediaTypes.TEXT_PLAIN_UTF8), visible, null);
		}
		byte[] json = jsonMapper.get().toJson(result);
		if (json == null) {
			throw new FunctionFailure(FunctionError.outputUnwritable(function.definition()));
		}
		return new InvocationResult(ok, json, Objects.requireNonNullElse(declaredType, MediaTypes.JSON), visible, null);
	}

	private static Object unwrapPublisher(Object result) {
		if (result instanceof Mono<?> mono) {
			return mono.block();
		}
		if (result instanceof Publisher<?> publisher) {
			List<?> items = Flux.from(publisher).collectList().block();
			return items != null && items.size() == 1 && items.get(0) instanceof Message<?> ? items.get(0) : items;
		}
		return result;
	}

	private static int statusFrom(Map<String, Object> headers, ResolvedFunction function) {
		Object status = headers.get(PolyfnHeaders.HTTP_STATUS);
		if (status == null) {
			return 0;
		}
		try {
			int value = status instanceof Number n ? n.intValue() : Integer.parseInt(status.toString().trim());
			if (value < 100 || value > 599) {
				throw new NumberFormatException();
			}
			return value;
		}
		catch (NumberFormatException invalid) {
			throw new FunctionFailure(new FunctionError(500, "output_error", "Function '" + function.definition()
					+ "' set an invalid " + PolyfnHeaders.HTTP_STATUS + ": " + status));
		}
	}

	private static Map<String, Object> outgoingHeaders(Message<?> message, Map<String, Object> inputHeaders) {
		Map<String, Object> out = new LinkedHashMap<>();
		message.getHeaders().forEach((name, value) -> {
			if (name.equals(PolyfnHeaders.HTTP_STATUS)) {
				out.put(name, value);
			}
			else if (name.equals("contentType") || name.equalsIgnoreCase("content-type")) {
				out.put("contentType", value);
			}
			else if (!PolyfnHeaders.SPRING_INTERNAL.contains(name) && !name.startsWith(PolyfnHeaders.PREFIX)
					&& !Objects.equals(inputHeaders.get(name), value) && isHeaderValue(value)) {
				out.put(name, value);
			}
		});
		return out;
	}

	private static boolean isHeaderValue(Object value) {
		return value instanceof CharSequence || value instanceof Number || value instanceof Boolean
				|| (value instanceof Collection<?> c && c.stream().allMatch(v -> v instanceof CharSequence));
	}

	private static Map<String, Object> asHeaders(PortableHttpResponse response) {
		Map<String, Object> out = new LinkedHashMap<>();
		response.headers().forEach((name, values) -> {
			if (!name.equalsIgnoreCase("Content-Type")) {
				out.put(name, values.size() == 1 ? values.get(0) : values);
			}
		});
		return out;
	}
}
