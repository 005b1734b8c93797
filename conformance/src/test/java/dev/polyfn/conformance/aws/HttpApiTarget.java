package dev.polyfn.conformance.aws;

import dev.polyfn.aws.ApiGatewayHttpHandler;
import dev.polyfn.conformance.HttpAnswer;
import dev.polyfn.conformance.HttpCall;
import dev.polyfn.conformance.JsonHttpAnswer;
import dev.polyfn.conformance.Target;

/** API Gateway HTTP API (payload 2.0), from the java-libs fixture. */
public final class HttpApiTarget implements Target.Http {

	static final String FIXTURE = "aws/apigw-http-v2/java-libs-apigw_http_event.json";

	@Override
	public String name() {
		return "AWS HTTP API (v2)";
	}

	@Override
	public HttpAnswer call(HttpCall call) {
		return JsonHttpAnswer.read(Lambda.invoke(Lambda.handler(null, ApiGatewayHttpHandler.class, ApiGatewayHttpHandler::new),
				PayloadV2.request(FIXTURE, call)));
	}
}
