package dev.polyfn.google.auth;

/**
 * Where a Google API's requests go, as Google's client libraries decide it: an explicit endpoint setting first; else
 * the service's emulator variable ({@code STORAGE_EMULATOR_HOST}, {@code PUBSUB_EMULATOR_HOST}: {@code host:port},
 * plain HTTP, no token); else the service's own endpoint. {@code base} has no trailing slash.
 */
public record GoogleEndpoint(String base, boolean emulated) {

	public static GoogleEndpoint of(String endpointSetting, String emulatorHost, String service) {
		boolean emulated = endpointSetting == null && emulatorHost != null;
		String base = endpointSetting != null ? endpointSetting : emulated ? withScheme(emulatorHost) : service;
		return new GoogleEndpoint(base.endsWith("/") ? base.substring(0, base.length() - 1) : base, emulated);
	}

	private static String withScheme(String host) {
		return host.startsWith("http://") || host.startsWith("https://") ? host : "http://" + host;
	}
}
