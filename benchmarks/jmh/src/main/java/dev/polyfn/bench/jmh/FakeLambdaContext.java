package dev.polyfn.bench.jmh;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;

/** The Lambda context the runtime passes; constant values, as the per-call cost must not include building it. */
final class FakeLambdaContext implements Context {

	private static final LambdaLogger LOGGER = new LambdaLogger() {
		@Override
		public void log(String message) {
		}

		@Override
		public void log(byte[] message) {
		}
	};

	@Override
	public String getAwsRequestId() {
		return "c6af9ac6-7b61-11e6-9a41-93e8deadbeef";
	}

	@Override
	public String getLogGroupName() {
		return "/aws/lambda/bench";
	}

	@Override
	public String getLogStreamName() {
		return "bench";
	}

	@Override
	public String getFunctionName() {
		return "bench";
	}

	@Override
	public String getFunctionVersion() {
		return "$LATEST";
	}

	@Override
	public String getInvokedFunctionArn() {
		return "arn:aws:lambda:us-east-1:123456789012:function:bench";
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
		return LOGGER;
	}
}
