package dev.polyfn.core.invoke;

import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.function.json.JsonMapper;

import dev.polyfn.core.json.JsonProblems;
import dev.polyfn.core.model.MediaTypes;
import tools.jackson.databind.exc.InvalidDefinitionException;

/**
 * Turns the raw input into the type the function takes. Typed views win (a function taking
 * {@code StorageObjectEvent} gets the adapter's object); bytes and text pass as they are; everything else is
 * read as JSON with Spring Cloud Function's own {@link JsonMapper}. A failure here is the caller's fault
 * (400 or 415), never the function's; its message says where and what was expected, never the value
 * ({@link JsonProblems}).
 */
final class InputReader {

	private static final Logger log = LoggerFactory.getLogger(InputReader.class);

	private final Supplier<JsonMapper> jsonMapper;

	InputReader(Supplier<JsonMapper> jsonMapper) {
		this.jsonMapper = jsonMapper;
	}

	Object read(ResolvedFunction function, FunctionInput input) {
		return read(function.definition(), function.inputType(), function.rawInputType(), input);
	}

	/** Reads one input as the given type; also used per item when a function takes a whole batch. */
	Object read(String definition, java.lang.reflect.Type type, Class<?> target, FunctionInput input) {
		if (target != Object.class) {
			for (Object view : input.views()) {
				if (target.isInstance(view)) {
					return view;
				}
			}
		}
		byte[] data = input.data();
		if (target == byte[].class) {
			return data;
		}
		if (target == String.class) {
			return new String(data, MediaTypes.charset(input.contentType(), StandardCharsets.UTF_8));
		}
		if (target == Object.class) {
			return looksLikeJson(input) ? readJson(definition, type, data) : new String(data, StandardCharsets.UTF_8);
		}
		if (!acceptsJson(input.contentType())) {
			throw new FunctionFailure(FunctionError.unsupportedMediaType("Function '" + definition
					+ "' reads JSON; content type '" + CallerText.excerpt(input.contentType(), 100) + "' is not supported"));
		}
		if (data.length == 0) {
			throw new FunctionFailure(FunctionError.invalidInput(
					"Function '" + definition + "' needs a JSON body; the body was empty"));
		}
		return readJson(definition, type, data);
	}

	private Object readJson(String definition, java.lang.reflect.Type type, byte[] data) {
		Object value;
		try {
			value = jsonMapper.get().fromJson(data, type);
		}
		catch (RuntimeException unreadable) {
			if (hasCause(unreadable, InvalidDefinitionException.class)) {
				// Not the caller's fault: the function's input type is one Jackson cannot build.
				throw new FunctionFailure(new FunctionError(500, "function_error", "Function '" + definition
						+ "' takes an input type that cannot be read from JSON"), unreadable);
			}
			log.debug("Function '{}': the body is not valid JSON: {}", definition, unreadable.getMessage());
			throw new FunctionFailure(FunctionError.invalidInput("The body is not valid JSON for function '"
					+ definition + "': " + JsonProblems.describe(unreadable)), unreadable);
		}
		if (value == null) {
			throw new FunctionFailure(FunctionError.invalidInput(
					"The body is not valid JSON for function '" + definition + "'"));
		}
		return value;
	}

	private static boolean hasCause(Throwable error, Class<? extends Throwable> type) {
		for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
			if (type.isInstance(t)) {
				return true;
			}
		}
		return false;
	}

	private static boolean acceptsJson(String contentType) {
		String base = MediaTypes.baseType(contentType);
		// curl -d sends form-urlencoded by default; people mean JSON when they post JSON that way.
		return base == null || MediaTypes.isJson(base) || base.startsWith("text/")
				|| base.equals("application/x-www-form-urlencoded");
	}

	private static boolean looksLikeJson(FunctionInput input) {
		if (MediaTypes.isJson(input.contentType())) {
			return true;
		}
		for (byte b : input.data()) {
			if (b == '{' || b == '[') {
				return MediaTypes.baseType(input.contentType()) == null;
			}
			if (!Character.isWhitespace(b)) {
				return false;
			}
		}
		return false;
	}
}
