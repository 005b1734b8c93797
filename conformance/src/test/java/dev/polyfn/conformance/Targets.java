package dev.polyfn.conformance;

import java.util.List;

import dev.polyfn.conformance.web.WebAppTarget;

/** Every target the kit runs on. A new target is one line here; a new case needs no line here at all. */
final class Targets {

	private Targets() {
	}

	static List<Target> all() {
		return List.of(new WebAppTarget());
	}
}
