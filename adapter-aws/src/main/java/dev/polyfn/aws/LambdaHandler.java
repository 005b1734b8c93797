package dev.polyfn.aws;

/**
 * Lambda handler for any trigger: {@code dev.polyfn.aws.LambdaHandler::handleRequest}. Recognises the event's shape
 * from an ordered table (see {@link DetectingShape}) and passes anything it does not recognise to the function
 * unchanged. The per-trigger handlers are the explicit choice; this one suits the console's test button and
 * functions with several triggers.
 */
public class LambdaHandler extends LambdaEntry {

	public LambdaHandler() {
		super(new DetectingShape());
	}
}
