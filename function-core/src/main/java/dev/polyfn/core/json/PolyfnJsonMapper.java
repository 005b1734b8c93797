package dev.polyfn.core.json;

import java.io.Reader;
import java.lang.reflect.Type;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.cloud.function.json.JacksonMapper;

import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.ObjectReader;

/**
 * Spring Cloud Function's {@code JsonMapper} over polyfn's shared mapper, with one {@link ObjectReader} per target
 * type built once: Spring Cloud Function's own {@code JacksonMapper} creates a fresh {@code TypeFactory} (and
 * with it an empty type cache) on every conversion.
 */
public class PolyfnJsonMapper extends JacksonMapper {

	private final Map<Type, ObjectReader> readers = new ConcurrentHashMap<>();

	public PolyfnJsonMapper(ObjectMapper mapper) {
		super(mapper);
	}

	@Override
	@SuppressWarnings("unchecked")
	protected <T> T doFromJson(Object json, Type type) {
		ObjectMapper mapper = getObjectMapper();
		ObjectReader reader = readers.computeIfAbsent(type, t -> mapper.readerFor(mapper.constructType(t)));
		try {
			if (json instanceof byte[] bytes) {
				return (T) reader.readValue(bytes);
			}
			if (json instanceof String text) {
				return (T) reader.readValue(text);
			}
			if (json instanceof Reader in) {
				return (T) reader.readValue(in);
			}
			if (json instanceof Map<?, ?> map) {
				return (T) mapper.convertValue(map, mapper.constructType(type));
			}
		}
		catch (RuntimeException unreadable) {
			// Spring Cloud Function's contract: a conversion that cannot be done is an IllegalStateException.
			throw new IllegalStateException("Failed to convert to " + type.getTypeName(), unreadable);
		}
		return null;
	}
}
