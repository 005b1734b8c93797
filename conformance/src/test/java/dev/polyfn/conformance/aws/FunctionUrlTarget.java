package dev.polyfn.conformance.aws;

import dev.polyfn.aws.FunctionUrlHandler;
import dev.polyfn.conformance.HttpAnswer;
import dev.polyfn.conformance.HttpCall;
import dev.polyfn.conformance.JsonHttpAnswer;
import dev.polyfn.conformance.Target;

/** Lambda function URL (payload 2.0 on a {@code lambda-url} domain), from a real capture of aws-lambda-go. */
public final class FunctionUrlTarget implements Target.Http {

	static final String FIXTURE = "aws/function-url/go-function-url-request-with-headers-and-cookies-and-text-body.json";

	@Override
	public String name() {
		return "AWS Function URL";
	}

	@Override
	public HttpAnswer call(HttpCall call) {
		return JsonHttpAnswer.read(Lambda.invoke(Lambda.handler(null, FunctionUrlHandler.class, FunctionUrlHandler::new),
				PayloadV2.request(FIXTURE, call)));
	}
}
