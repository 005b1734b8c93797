package dev.polyfn.conformance.reliability;

/** One scenario's outcome on one server: what was expected, what happened, and whether that is acceptable. */
record Finding(String target, String scenario, String expected, String observed, boolean passed) {
}
