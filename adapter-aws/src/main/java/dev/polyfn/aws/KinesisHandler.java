package dev.polyfn.aws;

import dev.polyfn.aws.events.KinesisShape;

/**
 * Lambda handler for Kinesis Data Streams: {@code dev.polyfn.aws.KinesisHandler::handleRequest}.
 */
public class KinesisHandler extends LambdaEntry {

	public KinesisHandler() {
		super(new KinesisShape());
	}
}
