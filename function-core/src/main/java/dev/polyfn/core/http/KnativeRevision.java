package dev.polyfn.core.http;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Which Knative revision this server is, from the variables Knative Serving SHOULD set in every container
 * (knative/specs specs/serving/runtime-contract.md, "Process": {@code K_SERVICE}, {@code K_CONFIGURATION},
 * {@code K_REVISION}, read 2026-12-06), for the start-up log line: with instances coming and going under the
 * autoscaler, the log names the revision each one served. Cloud Run sets the same variables.
 */
public final class KnativeRevision {

	static final List<String> VARIABLES = List.of("K_SERVICE", "K_CONFIGURATION", "K_REVISION");

	private KnativeRevision() {
	}

	/** {@code " (K_SERVICE=shop, K_REVISION=shop-00002)"} with the variables that are set; empty when none is. */
	public static String describe(UnaryOperator<String> environment) {
		List<String> set = new ArrayList<>();
		for (String name : VARIABLES) {
			String value = environment.apply(name);
			if (value != null && !value.isBlank()) {
				set.add(name + "=" + value.strip());
			}
		}
		return set.isEmpty() ? "" : " (" + String.join(", ", set) + ")";
	}
}
