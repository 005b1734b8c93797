package dev.polyfn.core.json;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.UnexpectedEndOfInputException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * What was wrong with a JSON body, told to the caller (and the WARN log) as where and what was expected: never
 * the offending value (Jackson's messages quote it, and a body may hold anything), never a Java type name
 * ({@code SquareFunction$Numbers}). Jackson's full message is for DEBUG logs only.
 */
public final class JsonProblems {

	private static final int MAX_PATH = 120;

	private JsonProblems() {
	}

	/** A short, caller-safe description of why a body could not be read; a generic one for anything not Jackson's. */
	public static String describe(Throwable failure) {
		JacksonException jackson = find(failure);
		if (jackson == null) {
			return "it could not be read";
		}
		if (jackson instanceof StreamConstraintsException) {
			return "it is past a limit (" + limitNamed(jackson.getOriginalMessage()) + ")";
		}
		if (jackson instanceof UnexpectedEndOfInputException) {
			return "it ends before the JSON value does" + at(jackson);
		}
		String original = String.valueOf(jackson.getOriginalMessage());
		if (original.startsWith("Duplicate Object property") || original.startsWith("Duplicate field")) {
			return "a key appears twice in one object" + at(jackson);
		}
		if (jackson instanceof MismatchedInputException mismatch) {
			return "expected " + expected(mismatch.getTargetType()) + " at " + path(jackson);
		}
		if (jackson instanceof DatabindException) {
			return "it does not fit the function's input at " + path(jackson);
		}
		if (jackson instanceof InputCoercionException coercion) {
			return "expected " + expected(coercion.getTargetType()) + " at " + path(jackson);
		}
		if (original.startsWith("Number out of the range")) {
			return "a number beyond the range of a double" + at(jackson);
		}
		return "it is not well-formed JSON" + at(jackson);
	}

	private static JacksonException find(Throwable failure) {
		for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
			if (t instanceof JacksonException jackson) {
				return jackson;
			}
		}
		return null;
	}

	/** Jackson's limit messages name the limit first ("Document nesting depth (257) exceeds ..."). */
	private static String limitNamed(String message) {
		String text = message == null ? "" : message;
		if (text.contains("nesting depth")) {
			return "nesting deeper than " + JsonLimits.MAX_NESTING_DEPTH;
		}
		if (text.startsWith("String value length")) {
			return "a string longer than " + JsonLimits.MAX_STRING_LENGTH + " characters";
		}
		if (text.startsWith("Number value length") || text.contains("BigDecimal") || text.contains("BigInteger")) {
			return "a number longer than " + JsonLimits.MAX_NUMBER_LENGTH + " characters";
		}
		if (text.startsWith("Name length")) {
			return "a property name longer than " + JsonLimits.MAX_NAME_LENGTH + " characters";
		}
		return "a size limit of the JSON reader";
	}

	private static String expected(Class<?> type) {
		if (type == null) {
			return "another kind of value";
		}
		if (type == int.class || type == Integer.class || type == long.class || type == Long.class
				|| type == short.class || type == Short.class || type == byte.class || type == Byte.class
				|| type == BigInteger.class) {
			return "a whole number within range";
		}
		if (type == double.class || type == Double.class || type == float.class || type == Float.class
				|| type == BigDecimal.class || Number.class.isAssignableFrom(type)) {
			return "a finite number within range";
		}
		if (type == boolean.class || type == Boolean.class) {
			return "true or false";
		}
		if (type == String.class || type == char.class || type == Character.class || type.isEnum()) {
			return type.isEnum() ? "one of the accepted values" : "a string";
		}
		if (type.isArray() || Collection.class.isAssignableFrom(type)) {
			return "an array";
		}
		if (Map.class.isAssignableFrom(type) || !type.getName().startsWith("java.")) {
			return "an object";
		}
		return "another kind of value";
	}

	/** {@code $.numbers[1]}; a property name that is not a plain identifier shows as {@code [*]}. */
	private static String path(JacksonException e) {
		StringBuilder path = new StringBuilder("$");
		for (JacksonException.Reference step : e.getPath()) {
			String name = step.getPropertyName();
			if (name != null) {
				path.append(name.matches("[A-Za-z_$][A-Za-z0-9_$-]{0,63}") ? "." + name : "[*]");
			}
			else if (step.getIndex() >= 0) {
				path.append('[').append(step.getIndex()).append(']');
			}
		}
		return path.length() > MAX_PATH ? path.substring(0, MAX_PATH) + "..." : path.toString();
	}

	private static String at(JacksonException e) {
		TokenStreamLocation location = e.getLocation();
		if (location == null || location.getLineNr() < 1) {
			return "";
		}
		return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
	}
}
