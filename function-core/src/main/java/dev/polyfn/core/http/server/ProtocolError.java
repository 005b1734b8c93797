package dev.polyfn.core.http.server;

import dev.polyfn.core.invoke.FunctionError;

/**
 * A request the server refuses before any function sees it (malformed framing, over a limit, too slow). The
 * message is the server's own wording: it never echoes what the client sent.
 */
public final class ProtocolError extends Exception {

	private final transient FunctionError error;

	public ProtocolError(int status, String code, String message) {
		super(message, null, false, false);
		this.error = new FunctionError(status, code, message);
	}

	static ProtocolError badRequest(String message) {
		return new ProtocolError(400, "bad_request", message);
	}

	public FunctionError error() {
		return error;
	}
}
