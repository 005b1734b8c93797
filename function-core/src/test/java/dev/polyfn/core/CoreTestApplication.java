package dev.polyfn.core;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

import dev.polyfn.core.invoke.PolyfnHeaders;
import dev.polyfn.core.model.StorageObjectEvent;

/** Functions of every shape the pipeline must handle, for function-core's own tests. */
@SpringBootApplication
public class CoreTestApplication {

	public record Numbers(List<Integer> numbers) {
	}

	public record Total(int total) {
	}

	public static final List<String> CONSUMED = new CopyOnWriteArrayList<>();

	@Bean
	public Function<String, String> reverse() {
		return s -> new StringBuilder(s).reverse().toString();
	}

	@Bean
	public Function<String, String> uppercase() {
		return s -> s.toUpperCase(Locale.ROOT);
	}

	@Bean
	public Function<Numbers, Total> sum() {
		return n -> new Total(n.numbers().stream().mapToInt(Integer::intValue).sum());
	}

	@Bean
	public Function<byte[], byte[]> bytes() {
		return b -> b;
	}

	@Bean
	public Consumer<String> remember() {
		CONSUMED.clear();
		return CONSUMED::add;
	}

	@Bean
	public Supplier<String> greeting() {
		return () -> "hi";
	}

	@Bean
	public Function<String, String> nothing() {
		return s -> null;
	}

	@Bean
	public Function<String, String> explode() {
		return s -> {
			throw new IllegalStateException("secret internal detail");
		};
	}

	@Bean
	public Function<String, String> conflict() {
		return s -> {
			throw new FunctionStatusException(409, "already there: " + s);
		};
	}

	/** Answers with what it saw of the request, choosing status 201 and one response header. */
	@Bean
	public Function<Message<String>, Message<Map<String, Object>>> inspect() {
		return message -> MessageBuilder.<Map<String, Object>>withPayload(Map.of(
				"body", message.getPayload(),
				"method", String.valueOf(message.getHeaders().get(PolyfnHeaders.HTTP_METHOD)),
				"query", String.valueOf(message.getHeaders().get(PolyfnHeaders.HTTP_QUERY_PARAMS)),
				"requestId", String.valueOf(message.getHeaders().get(PolyfnHeaders.REQUEST_ID))))
			.setHeader(PolyfnHeaders.HTTP_STATUS, 201)
			.setHeader("X-Inspected", "yes")
			.build();
	}

	/** Takes a type no JSON can become (an interface Jackson has no default for): a defect of the function, not of any request. */
	@Bean
	public Function<Runnable, String> untypable() {
		return Object::toString;
	}

	@Bean
	public Function<StorageObjectEvent, String> objectKey() {
		return event -> event.bucket() + "/" + event.key();
	}

	@Bean
	public Function<List<String>, Integer> count() {
		return List::size;
	}

	/** Fails for the body "bad", so a batch has one failing item. */
	@Bean
	public Function<String, String> picky() {
		return s -> {
			if (s.equals("bad")) {
				throw new IllegalArgumentException("bad item");
			}
			return s;
		};
	}
}
