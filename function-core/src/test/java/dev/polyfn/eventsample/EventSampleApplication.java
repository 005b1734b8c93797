package dev.polyfn.eventsample;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

import dev.polyfn.core.model.PortableEvent;

/** Functions for the Knative Eventing contract tests: one reports the event it got, the others answer nothing or fail. */
@SpringBootApplication
public class EventSampleApplication {

	public record Reading(String sensor, double celsius) {
	}

	public static final List<String> ACCEPTED = new CopyOnWriteArrayList<>();

	/** Every CloudEvents attribute the function sees, and the data as text: what both content modes must agree on. */
	@Bean
	public Function<PortableEvent, Map<String, Object>> describeEvent() {
		return event -> {
			Map<String, Object> seen = new LinkedHashMap<>();
			seen.put("id", event.id());
			seen.put("source", event.source());
			seen.put("type", event.type());
			seen.put("subject", event.subject());
			seen.put("time", event.time() == null ? null : event.time().toString());
			seen.put("datacontenttype", event.dataContentType());
			seen.put("extensions", event.extensions());
			seen.put("data", event.dataAsString());
			return seen;
		};
	}

	@Bean
	public Function<byte[], byte[]> echoBytes() {
		return bytes -> bytes;
	}

	@Bean
	public Consumer<String> accept() {
		return ACCEPTED::add;
	}

	/** A function that returns null: no reply event. */
	@Bean
	public Function<String, String> ignore() {
		return text -> null;
	}

	@Bean
	public Function<Reading, String> record() {
		return reading -> reading.sensor() + "=" + reading.celsius();
	}

	@Bean
	public Function<String, String> explode() {
		return text -> {
			throw new IllegalStateException("the database is down");
		};
	}
}
