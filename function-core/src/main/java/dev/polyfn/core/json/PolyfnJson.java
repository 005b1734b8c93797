package dev.polyfn.core.json;

import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.cfg.MapperBuilder;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one Jackson mapper of a polyfn process: event parsing, CloudEvents, the server's own JSON and function
 * input/output conversion all share it. A Jackson 3 mapper costs a few hundred classes to build, so one is
 * built, lazily, on first use. Configured as Spring Cloud Function configures its own (unknown properties and
 * empty beans tolerated), without the Joda-Time module (java.time is built into Jackson 3), and held to
 * {@link JsonLimits}: strict by default (duplicate keys, fractions for integers, out-of-range numbers refused).
 */
public final class PolyfnJson {

	private PolyfnJson() {
	}

	/** The shared mapper; thread-safe, never reconfigured. */
	public static ObjectMapper mapper() {
		return Holder.MAPPER;
	}

	/** polyfn's settings on top of an application's own {@code ObjectMapper} bean, else the shared mapper. */
	public static ObjectMapper mapperFor(ObjectMapper applications) {
		return applications == null ? mapper() : configure(applications.rebuild());
	}

	private static ObjectMapper configure(MapperBuilder<?, ?> builder) {
		builder.configure(SerializationFeature.FAIL_ON_EMPTY_BEANS, false)
			.configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
			.configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, false)
			.configure(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION, false);
		if (JsonLimits.strict()) {
			builder.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
				.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
				.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
				.addModule(StrictNumbers.module());
		}
		return builder.build();
	}

	private static final class Holder {

		/** An application's own mapper keeps its own stream limits; polyfn's has {@link JsonLimits#constraints()}. */
		static final ObjectMapper MAPPER = configure(JsonMapper.builder(JsonLimits.streamFactory()));
	}
}
