package dev.polyfn.local;

import java.time.Duration;

/** A runtime that serves HTTP on a loopback port (Functions Framework, FC bootstrap, SCF web function, web app). */
public record LocalServer(LocalProcess process, int port) implements AutoCloseable {

	/** Waits for the port; false when the process exited first or the wait ran out. */
	public boolean awaitListening(Duration limit) throws InterruptedException {
		return process.awaitListening(port, limit);
	}

	public String url(String path) {
		return "http://127.0.0.1:" + port + path;
	}

	@Override
	public void close() {
		process.close();
	}
}
