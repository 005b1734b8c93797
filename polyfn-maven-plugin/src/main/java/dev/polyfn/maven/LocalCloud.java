package dev.polyfn.maven;

/** A cloud's runtime on this machine, started on a packaged artifact. */
interface LocalCloud {

	/** Starts the runtime, hands it the invocation's event, and stops it again. */
	InvocationOutcome invoke(Invocation invocation) throws Exception;

	/** Starts the runtime serving HTTP on a loopback port and leaves it running; the caller closes it. */
	Serving serve(Invocation invocation, int port) throws Exception;
}
