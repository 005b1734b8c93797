package dev.polyfn.aws;

import dev.polyfn.aws.events.DynamoDbStreamShape;

/**
 * Lambda handler for DynamoDB Streams: {@code dev.polyfn.aws.DynamoDbStreamHandler::handleRequest}.
 */
public class DynamoDbStreamHandler extends LambdaEntry {

	public DynamoDbStreamHandler() {
		super(new DynamoDbStreamShape());
	}
}
