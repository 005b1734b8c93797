package dev.polyfn.conformance.aws;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.UUID;
import java.util.function.Supplier;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;

import dev.polyfn.conformance.SharedRuntime;
import dev.polyfn.core.events.JsonEvents;
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
		handler.handleRequest(new ByteArrayInputStream(event), out, new TestContext());
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

	/** What the Lambda runtime passes as the context: ids, limits and a logger. */
	static final class TestContext implements Context {

		private final String requestId = UUID.randomUUID().toString();

		@Override
		public String getAwsRequestId() {
			return requestId;
		}

		@Override
		public String getLogGroupName() {
			return "/aws/lambda/conformance";
		}

		@Override
		public String getLogStreamName() {
			return "2026/11/22/[$LATEST]conformance";
		}

		@Override
		public String getFunctionName() {
			return "conformance";
		}

		@Override
		public String getFunctionVersion() {
			return "$LATEST";
		}

		@Override
		public String getInvokedFunctionArn() {
			return "arn:aws:lambda:eu-west-1:123456789012:function:conformance";
		}

		@Override
		public CognitoIdentity getIdentity() {
			return null;
		}

		@Override
		public ClientContext getClientContext() {
			return null;
		}

		@Override
		public int getRemainingTimeInMillis() {
			return 30_000;
		}

		@Override
		public int getMemoryLimitInMB() {
			return 1024;
		}

		@Override
		public LambdaLogger getLogger() {
			return new LambdaLogger() {

				@Override
				public void log(String message) {
				}

				@Override
				public void log(byte[] message) {
				}
			};
		}
	}
}
