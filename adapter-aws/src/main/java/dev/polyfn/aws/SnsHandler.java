package dev.polyfn.aws;

import dev.polyfn.aws.events.SnsShape;

/**
 * Lambda handler for an SNS topic subscription: {@code dev.polyfn.aws.SnsHandler::handleRequest}.
 */
public class SnsHandler extends LambdaEntry {

	public SnsHandler() {
		super(new SnsShape());
	}
}
