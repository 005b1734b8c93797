package dev.polyfn.aws;

import dev.polyfn.aws.events.SqsShape;

/**
 * Lambda handler for an SQS queue: {@code dev.polyfn.aws.SqsHandler::handleRequest}. Answers with
 * {@code batchItemFailures}; turn on {@code ReportBatchItemFailures} on the trigger (the generated template.yaml
 * does), or Lambda ignores the list and a failed message is deleted with its batch.
 */
public class SqsHandler extends LambdaEntry {

	public SqsHandler() {
		super(new SqsShape());
	}
}
