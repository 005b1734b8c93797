package dev.polyfn.conformance.campaign;

import java.util.Map;

import dev.polyfn.conformance.tencent.Scf;
import dev.polyfn.core.events.JsonEvents;
import dev.polyfn.tencent.ScfInvocationFailure;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Tencent: the SCF Java runtime binds the event JSON to the handler's {@code Map<String, Object>} parameter before
 * it calls {@code TencentEventFunction.handle}; a mutation that is not a JSON object is refused by that binder and
 * never reaches polyfn (counted as "not deliverable"). A delivered event must return a string (API Gateway and
 * function URL requests: the gateway's response JSON with a {@code statusCode}) or throw the documented
 * {@link ScfInvocationFailure}, which SCF reports as a failed invocation and retries.
 */
final class TencentOwner implements FixtureOwner {

	@Override
	public String entryPoint(String fixture) {
		return "TencentEventFunction.handle";
	}

	@Override
	public Outcome deliver(String fixture, byte[] payload) {
		JsonNode event;
		try {
			event = JsonEvents.mapper().readTree(payload);
		}
		catch (JacksonException notJson) {
			return Outcome.notDeliverable("not JSON");
		}
		if (event == null || !event.isObject()) {
			return Outcome.notDeliverable("not a JSON object");
		}
		Map<String, Object> bound = Scf.bind(event);
		String answer;
		try {
			answer = Scf.handler(MalformedInputCampaignTest.DEFINITION).handle(bound, Scf.context());
		}
		catch (ScfInvocationFailure documented) {
			return Outcome.documentedFailure(documented);
		}
		if (answer == null) {
			throw new AssertionError("null answer");
		}
		if (fixture.startsWith("tencent/apigateway/")) {
			JsonNode http;
			try {
				http = JsonEvents.mapper().readTree(answer);
			}
			catch (JacksonException notAnHttpAnswer) {
				return Outcome.returned();
			}
			if (http == null || http.get("statusCode") == null || !http.get("statusCode").isNumber()) {
				// Only an event still shaped like a request is answered in the gateway's shape.
				return Outcome.returned();
			}
			return Outcome.answered(http.get("statusCode").asInt());
		}
		return Outcome.returned();
	}
}
