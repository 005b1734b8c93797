package dev.polyfn.core.invoke;

import java.util.List;
import java.util.Map;

/**
 * What an adapter hands the pipeline: the raw data with its content type, the headers a {@code Message}
 * function sees, and typed views of the same input (the portable request or event, a typed payload) that a
 * function may take directly instead of the converted data.
 */
public record FunctionInput(byte[] data, String contentType, Map<String, Object> headers, List<Object> views) {

	public FunctionInput {
		data = data == null ? new byte[0] : data;
		headers = headers == null ? Map.of() : headers;
		views = views == null ? List.of() : views;
	}

	public static FunctionInput of(byte[] data, String contentType) {
		return new FunctionInput(data, contentType, Map.of(), List.of());
	}
}
