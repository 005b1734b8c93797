package dev.polyfn.conformance.tencent;

import java.util.Map;
import java.util.UUID;

import com.qcloud.scf.runtime.Context;

import dev.polyfn.conformance.SharedRuntime;
import dev.polyfn.core.boot.PolyfnRuntime;
import dev.polyfn.core.events.JsonEvents;
import dev.polyfn.tencent.TencentEventFunction;
import tools.jackson.databind.JsonNode;

/**
 * Calls the SCF event-function entry as the Java runtime does: it binds the event JSON to the handler's declared
 * parameter ({@code Map<String, Object>}) and passes its {@link Context}; one handler instance per instance.
 */
public final class Scf {

	private Scf() {
	}

	/** The handler on an instance deployed with no function configured: triggers route by the packaged plan. */
	public static TencentEventFunction handler() {
		return handler(null);
	}

	public static TencentEventFunction handler(String definition) {
		return SharedRuntime.entry(definition, TencentEventFunction.class, () -> {
			TencentEventFunction made = new TencentEventFunction();
			PolyfnRuntime.shared("tencent");
			return made;
		});
	}

	/** The runtime's binding: a JSON object becomes a map; anything else never reaches the handler. */
	@SuppressWarnings("unchecked")
	public static Map<String, Object> bind(JsonNode event) {
		return JsonEvents.mapper().convertValue(event, Map.class);
	}

	public static String invoke(JsonNode event) {
		return handler().handle(bind(event), context());
	}

	public static Context context() {
		String requestId = UUID.randomUUID().toString();
		return new Context() {

			@Override
			public String getRequestId() {
				return requestId;
			}

			@Override
			public int getTimeLimitInMs() {
				return 30_000;
			}

			@Override
			public int getMemoryLimitInMb() {
				return 1024;
			}
		};
	}
}
