package dev.polyfn.aliyun.testapp;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.messaging.Message;

import dev.polyfn.core.FunctionStatusException;
import dev.polyfn.core.invoke.PolyfnHeaders;
import dev.polyfn.core.model.PortableEvent;
import dev.polyfn.core.model.QueueMessage;
import dev.polyfn.core.model.ScheduledTick;
import dev.polyfn.core.model.StorageObjectEvent;

/** Functions that report what they received, so each test can see what the adapter made of an event. */
@SpringBootApplication
public class AliyunTestApplication {

	@Bean
	public Function<StorageObjectEvent, String> storageObject() {
		return event -> event.bucket() + "/" + event.key() + " " + event.action() + " " + event.size() + " " + event.time();
	}

	@Bean
	public Function<ScheduledTick, String> tick() {
		return tick -> tick.schedule() + " at " + tick.fireTime() + " with " + tick.payload();
	}

	@Bean
	public Function<QueueMessage, QueueMessage> queueMessage() {
		return message -> message;
	}

	/** Rejects the message whose body is "second", as a function does with a message it cannot process. */
	@Bean
	public Function<QueueMessage, String> rejectSecond() {
		return message -> {
			if ("second".equals(message.body())) {
				throw new FunctionStatusException(422, "cannot process " + message.id());
			}
			return message.body();
		};
	}

	@Bean
	public Function<PortableEvent, String> cloudEvent() {
		return event -> event.type() + " from " + event.source();
	}

	@Bean
	public Function<Map<String, Object>, Object> jobName() {
		return notice -> notice.get("jobName");
	}

	@Bean
	public Function<String, String> reverse() {
		return text -> new StringBuilder(text).reverse().toString();
	}

	/** The Message headers an invocation carries (request id, FC context), minus the payload. */
	@Bean
	public Function<Message<String>, Map<String, Object>> invocationHeaders() {
		return message -> {
			Map<String, Object> seen = new LinkedHashMap<>();
			message.getHeaders().forEach((name, value) -> {
				if (name.startsWith("x-fc-") || name.equals(PolyfnHeaders.REQUEST_ID) || name.equals(PolyfnHeaders.CLOUD)
						|| name.equals(PolyfnHeaders.FUNCTION_NAME)) {
					seen.put(name, String.valueOf(value));
				}
			});
			return seen;
		};
	}
}
