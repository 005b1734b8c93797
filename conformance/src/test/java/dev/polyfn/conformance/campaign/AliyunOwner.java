package dev.polyfn.conformance.campaign;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import dev.polyfn.conformance.aliyun.FcServer;
import dev.polyfn.core.events.JsonEvents;

/**
 * Alibaba Cloud: FC 3.0 posts every event, whatever the trigger, to the custom runtime's {@code POST /invoke} as
 * the raw body (over real HTTP here). A success answers 200 with {@code x-fc-status: 200}; a failure answers its
 * error status with {@code x-fc-status: 404} (FC's "function failed") and a JSON error body.
 */
final class AliyunOwner implements FixtureOwner {

	@Override
	public String entryPoint(String fixture) {
		return "POST /invoke";
	}

	@Override
	public Outcome deliver(String fixture, byte[] payload) throws Exception {
		HttpResponse<byte[]> response = FcServer.invoke(MalformedInputCampaignTest.DEFINITION, payload);
		String fcStatus = response.headers().firstValue("x-fc-status").orElse(null);
		if (response.statusCode() == 200) {
			if (!"200".equals(fcStatus)) {
				throw new AssertionError("200 without x-fc-status: 200 (" + fcStatus + ")");
			}
			return Outcome.answered(200);
		}
		String body = new String(response.body(), StandardCharsets.UTF_8);
		if (!"404".equals(fcStatus) && response.statusCode() != 413) {
			throw new AssertionError(response.statusCode() + " without x-fc-status: 404: " + body);
		}
		if (!body.contains("\"error\"")) {
			throw new AssertionError(response.statusCode() + " without the JSON error body: " + body);
		}
		JsonEvents.parse(response.body());
		return Outcome.answered(response.statusCode());
	}
}
