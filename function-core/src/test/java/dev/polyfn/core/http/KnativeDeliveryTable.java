package dev.polyfn.core.http;

/**
 * Whether a Knative Eventing sender retries a delivery that got this status: the table of knative/specs
 * specs/eventing/data-plane.md, "Event Acknowledgement and Delivery Retry" (read 2026-12-06), written out so the tests
 * can say which side of it each polyfn answer falls on. 1xx and 3xx are errors the spec leaves unspecified.
 */
final class KnativeDeliveryTable {

	private KnativeDeliveryTable() {
	}

	static boolean retried(int status) {
		if (status >= 200 && status < 300) {
			return false; // delivered
		}
		return switch (status) {
			case 404, 409, 429 -> true; // endpoint does not exist, conflict / in progress, overloaded
			default -> status >= 500; // 400 unparsable and every other 4xx: not retried
		};
	}
}
