package dev.polyfn.aws;

import dev.polyfn.aws.http.RestApiShape;

/**
 * Lambda handler for an API Gateway REST API (Lambda proxy integration, payload 1.0):
 * {@code dev.polyfn.aws.ApiGatewayRestHandler::handleRequest}.
 */
public class ApiGatewayRestHandler extends LambdaEntry {

	public ApiGatewayRestHandler() {
		super(new RestApiShape());
	}
}
