package dev.polyfn.local.events;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Where a function runs: one of the five clouds, Apache OpenWhisk, polyfn's own web server, or that web server in a
 * container image (Knative, Cloud Run, OpenFaaS, any Kubernetes).
 */
public enum Cloud {

	WEB, AWS, AZURE, GCP, ALIYUN, TENCENT, OPENWHISK, CONTAINER;

	/** Whether the function is served by polyfn's web server as it is (the web app, or the web app in a container). */
	public boolean isWebApp() {
		return this == WEB || this == CONTAINER;
	}

	public String id() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static Cloud of(String id) {
		try {
			return valueOf(id.trim().toUpperCase(Locale.ROOT));
		}
		catch (RuntimeException e) {
			throw new IllegalArgumentException("polyfn.cloud=" + id + " is not one of " + ids());
		}
	}

	public static String ids() {
		return Arrays.stream(values()).map(Cloud::id).collect(Collectors.joining(", "));
	}
}
