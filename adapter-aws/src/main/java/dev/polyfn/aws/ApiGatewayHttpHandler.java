package dev.polyfn.aws;

import dev.polyfn.aws.http.HttpApiShape;

/**
 * Lambda handler for an API Gateway HTTP API (payload 2.0):
 * {@code dev.polyfn.aws.ApiGatewayHttpHandler::handleRequest}.
 */
public class ApiGatewayHttpHandler extends LambdaEntry {

	public ApiGatewayHttpHandler() {
		super(HttpApiShape.httpApi());
	}
}
