package dev.polyfn.conformance.aws;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Supplier;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;

import dev.polyfn.conformance.SharedRuntime;
import dev.polyfn.core.events.JsonEvents;
import dev.polyfn.local.aws.FakeLambdaContext;
import tools.jackson.databind.JsonNode;

/**
 * Invokes a Lambda entry class as the Lambda Java runtime does: one handler instance per deployment (made once,
 * when the container starts) and {@code handleRequest(InputStream, OutputStream, Context)} per event.
 */
public final class Lambda {

	private Lambda() {
	}

	/** The handler of a function deployed with {@code definition} (null: none configured). */
	public static RequestStreamHandler handler(String definition, Class<? extends RequestStreamHandler> type,
			Supplier<? extends RequestStreamHandler> create) {
		return SharedRuntime.entry(definition, type, create);
	}

	public static byte[] invoke(RequestStreamHandler handler, byte[] event) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		handler.handleRequest(new ByteArrayInputStream(event), out, FakeLambdaContext.invocationOf("conformance"));
		return out.toByteArray();
	}

	public static byte[] invoke(RequestStreamHandler handler, JsonNode event) {
		try {
			return invoke(handler, JsonEvents.toBytes(event));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
