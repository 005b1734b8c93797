package dev.polyfn.gcp.observe;

import java.util.concurrent.atomic.AtomicReference;

import dev.polyfn.core.model.PortableEvent;

/** The last event the observing function was called with. */
public class ObservedEvents {

	private final AtomicReference<PortableEvent> last = new AtomicReference<>();

	void record(PortableEvent event) {
		last.set(event);
	}

	/** The last observed event, cleared so that the next call must observe a new one. */
	public PortableEvent take() {
		PortableEvent event = last.getAndSet(null);
		if (event == null) {
			throw new AssertionError("The function observed no event");
		}
		return event;
	}
}
