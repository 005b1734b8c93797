package dev.polyfn.core.invoke;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.polyfn.core.model.PortableEvent;

/**
 * How an event reaches a function: its data as the input, its CloudEvents attributes as {@code ce-*} message
 * headers (the binary-mode naming every CloudEvents transport uses), and the event and its typed payload as
 * views a function may take directly.
 */
public final class EventInputs {

	private EventInputs() {
	}

	public static FunctionInput toInput(PortableEvent event) {
		return new FunctionInput(event.data(), event.dataContentType(), headers(event), views(event));
	}

	public static Map<String, Object> headers(PortableEvent event) {
		Map<String, Object> headers = new LinkedHashMap<>();
		headers.put("ce-specversion", "1.0");
		headers.put("ce-id", event.id());
		headers.put("ce-source", event.source());
		headers.put("ce-type", event.type());
		if (event.subject() != null) {
			headers.put("ce-subject", event.subject());
		}
		if (event.time() != null) {
			headers.put("ce-time", event.time().toString());
		}
		event.extensions().forEach((name, value) -> headers.put("ce-" + name, value));
		return headers;
	}

	private static List<Object> views(PortableEvent event) {
		List<Object> views = new ArrayList<>(2);
		if (event.payload() != null) {
			views.add(event.payload());
		}
		views.add(event);
		return views;
	}
}
