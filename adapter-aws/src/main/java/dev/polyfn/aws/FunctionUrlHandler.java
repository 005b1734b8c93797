package dev.polyfn.aws;

import dev.polyfn.aws.http.HttpApiShape;

/**
 * Lambda handler for a Lambda function URL: {@code dev.polyfn.aws.FunctionUrlHandler::handleRequest}.
 */
public class FunctionUrlHandler extends LambdaEntry {

	public FunctionUrlHandler() {
		super(HttpApiShape.functionUrl());
	}
}
