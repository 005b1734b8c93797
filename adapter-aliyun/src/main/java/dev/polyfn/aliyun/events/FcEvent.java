package dev.polyfn.aliyun.events;

import java.util.List;

import dev.polyfn.core.model.PortableEvent;
import dev.polyfn.core.model.PortableHttpRequest;

/** What an event posted to {@code /invoke} turned out to be, once normalised. */
public sealed interface FcEvent {

	/** Trigger events (OSS, timer, MNS, EventBridge, SLS); several for batch deliveries. */
	record Events(String trigger, List<PortableEvent> events) implements FcEvent {

		public Events {
			events = List.copyOf(events);
		}
	}

	/** An FC 3.0 HTTP-trigger event (API invocations of an HTTP function carry one); answered in its own shape. */
	record HttpTrigger(PortableHttpRequest request) implements FcEvent {
	}

	/** No known shape: the function gets the body exactly as it was posted. */
	record Raw(byte[] body) implements FcEvent {
	}
}
