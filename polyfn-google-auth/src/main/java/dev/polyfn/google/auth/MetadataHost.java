package dev.polyfn.google.auth;

import java.util.function.UnaryOperator;

/**
 * Where the metadata server is: {@code metadata.google.internal}, or the {@code host:port} of {@code GCE_METADATA_HOST},
 * the override Google's own libraries honour (the Go package cloud.google.com/go/compute/metadata,
 * https://pkg.go.dev/cloud.google.com/go/compute/metadata, read 2026-12-06), so a test can serve it on loopback.
 */
final class MetadataHost {

	static final String DEFAULT = "metadata.google.internal";

	private MetadataHost() {
	}

	static String of(UnaryOperator<String> environment) {
		String host = environment.apply("GCE_METADATA_HOST");
		return host == null || host.isBlank() ? DEFAULT : host.trim();
	}
}
