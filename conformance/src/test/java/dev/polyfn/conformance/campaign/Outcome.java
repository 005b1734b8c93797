package dev.polyfn.conformance.campaign;

/**
 * How one delivery ended, in the owning cloud's terms: {@code label} groups deliveries for the campaign's tally
 * ("HTTP 400", "LambdaFunctionException"...); {@code success} says whether the cloud would count it as a
 * processed invocation.
 */
record Outcome(String label, boolean success) {

	static Outcome answered(int status) {
		return new Outcome("HTTP " + status, status < 400);
	}

	static Outcome returned() {
		return new Outcome("returned a result", true);
	}

	static Outcome documentedFailure(Throwable failure) {
		return new Outcome(failure.getClass().getSimpleName(), false);
	}

	/** A documented failure that carries the shared error's status (400 unreadable, 500 the function failed...). */
	static Outcome documentedFailure(Throwable failure, int status) {
		return new Outcome(failure.getClass().getSimpleName() + " " + status, false);
	}

	/** Whether the end is a server error: for a malformed input the contract says 4xx, so these are worth a look. */
	boolean serverError() {
		return label.matches(".*\\b5\\d\\d$");
	}

	static Outcome notDeliverable(String why) {
		return new Outcome("not deliverable: " + why, false);
	}
}
