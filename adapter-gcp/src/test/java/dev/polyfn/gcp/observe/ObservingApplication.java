package dev.polyfn.gcp.observe;

import java.util.function.Function;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

import dev.polyfn.core.model.PortableEvent;

/** A one-function application whose function records the event it observes, as a deployed function would see it. */
@SpringBootApplication
public class ObservingApplication {

	@Bean
	public ObservedEvents observedEvents() {
		return new ObservedEvents();
	}

	@Bean
	public Function<PortableEvent, String> observe(ObservedEvents observed) {
		return event -> {
			observed.record(event);
			return event.id();
		};
	}
}
