package dev.polyfn.packaging.container;

import java.util.Locale;
import java.util.Properties;

/**
 * What the build says about the container: {@code -Dpolyfn.container.image=<registry>/<name>:<tag>} (else a
 * placeholder the user replaces), {@code polyfn.container.name} (the service name; by default the jar's name without its version),
 * {@code polyfn.container.memory} (a Kubernetes quantity, 1Gi by default), and the function definition from
 * application.properties ({@code spring.cloud.function.definition}; none: every function by its path).
 */
record ContainerSettings(String image, boolean imageConfigured, String name, String memory, String definition) {

	static final String IMAGE = "polyfn.container.image";

	static ContainerSettings from(Properties system, Properties application, String finalName, String version) {
		// The jar's name without the version Maven appends by default (shop-1.0.0 → shop): a service keeps its name across releases.
		String base = finalName.endsWith("-" + version) ? finalName.substring(0, finalName.length() - version.length() - 1) : finalName;
		String name = dnsLabel(system.getProperty("polyfn.container.name", base));
		String configured = system.getProperty(IMAGE, "").trim();
		String image = configured.isEmpty() ? "REGISTRY/" + name + ":" + version.toLowerCase(Locale.ROOT) : configured;
		String definition = application.getProperty("spring.cloud.function.definition", "").trim();
		return new ContainerSettings(image, !configured.isEmpty(), name,
				system.getProperty("polyfn.container.memory", "1Gi").trim(), definition.isEmpty() ? null : definition);
	}

	/** The OpenFaaS image: the same app with of-watchdog as its entry, so a tag of its own. */
	String openFaasImage() {
		int colon = image.lastIndexOf(':');
		return colon > image.lastIndexOf('/') ? image.substring(0, colon) + "-openfaas" + image.substring(colon)
				: image + "-openfaas";
	}

	/** Knative, Cloud Run and OpenFaaS names: lower-case letters, digits and hyphens, starting with a letter. */
	static String dnsLabel(String name) {
		String hyphenated = name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT)
				.replaceAll("[^a-z0-9-]", "-").replaceAll("-+", "-").replaceAll("^-|-$", "");
		String label = Character.isLetter(hyphenated.isEmpty() ? '0' : hyphenated.charAt(0)) ? hyphenated : "fn-" + hyphenated;
		return label.length() > 63 ? label.substring(0, 63).replaceAll("-$", "") : label;
	}
}
