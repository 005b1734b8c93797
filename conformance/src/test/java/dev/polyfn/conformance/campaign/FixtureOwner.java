package dev.polyfn.conformance.campaign;

/**
 * The adapter entry point that receives events of one fixture folder's shape, called as the cloud calls it.
 * {@link #deliver} returns how the delivery ended when it ended in the cloud's own response shape or in the
 * adapter's documented failure; it throws {@link AssertionError} for a malformed answer, and lets any other
 * exception escape (that is what the campaign hunts for).
 */
interface FixtureOwner {

	/** The entry point, for the report: {@code SqsHandler::handleRequest}. */
	String entryPoint(String fixture);

	Outcome deliver(String fixture, byte[] payload) throws Exception;
}
