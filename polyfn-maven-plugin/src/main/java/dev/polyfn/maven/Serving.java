package dev.polyfn.maven;

import dev.polyfn.local.LocalProcess;

/** A runtime serving HTTP for {@code polyfn:run}: where to call it, its process, and what closing stops. */
record Serving(String url, LocalProcess process, AutoCloseable resources) implements AutoCloseable {

	@Override
	public void close() throws Exception {
		resources.close();
	}
}
