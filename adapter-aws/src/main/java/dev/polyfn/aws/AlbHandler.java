package dev.polyfn.aws;

import dev.polyfn.aws.http.AlbShape;

/**
 * Lambda handler for an Application Load Balancer target group (single- or multi-value headers; the
 * response uses the request's mode): {@code dev.polyfn.aws.AlbHandler::handleRequest}.
 */
public class AlbHandler extends LambdaEntry {

	public AlbHandler() {
		super(new AlbShape());
	}
}
