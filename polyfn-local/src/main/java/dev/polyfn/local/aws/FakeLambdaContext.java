package dev.polyfn.local.aws;

import java.util.UUID;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;

/**
 * The {@link Context} the Lambda Java runtime passes a handler called in-process (the conformance kit, the JMH
 * benchmarks): a request id, the function's names and ARN, a 30 s budget of a 1024 MB function, a logger that drops
 * what it is given (the handlers log through SLF4J). Only this class needs aws-lambda-java-core, an optional
 * dependency of polyfn-local: its users have it already.
 */
public final class FakeLambdaContext implements Context {

	private static final LambdaLogger DISCARDING = new LambdaLogger() {
		@Override
		public void log(String message) {
		}

		@Override
		public void log(byte[] message) {
		}
	};

	private final String requestId;
	private final String functionName;

	public FakeLambdaContext(String functionName, String requestId) {
		this.functionName = functionName;
		this.requestId = requestId;
	}

	/** A context with a fresh request id, as each invocation gets. */
	public static FakeLambdaContext invocationOf(String functionName) {
		return new FakeLambdaContext(functionName, UUID.randomUUID().toString());
	}

	@Override
	public String getAwsRequestId() {
		return requestId;
	}

	@Override
	public String getLogGroupName() {
		return "/aws/lambda/" + functionName;
	}

	@Override
	public String getLogStreamName() {
		return "2026/12/01/[$LATEST]" + functionName;
	}

	@Override
	public String getFunctionName() {
		return functionName;
	}

	@Override
	public String getFunctionVersion() {
		return "$LATEST";
	}

	@Override
	public String getInvokedFunctionArn() {
		return "arn:aws:lambda:us-east-1:123456789012:function:" + functionName;
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
		return DISCARDING;
	}
}
