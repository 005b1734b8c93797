package dev.polyfn.local.events;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import dev.polyfn.local.MiniJson;

/**
 * polyfn's own sample events, made by code in each vendor's documented shape (see each cloud's class), for
 * {@code polyfn:event} and for {@code polyfn:invoke}, which wraps a raw payload in the event of the cloud and
 * trigger it runs. HTTP on GCP, FC and polyfn's web server is a plain HTTP request: its "event" is the body.
 */
public final class SampleEvents {

	private SampleEvents() {
	}

	/** The event as JSON text (for a plain-HTTP cloud, the body itself). */
	public static String of(Cloud cloud, Trigger trigger, EventSettings settings) {
		if (isPlainHttp(cloud, trigger)) {
			return settings.bodyOr("");
		}
		String now = Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
		Map<String, Object> event = switch (cloud) {
			case AWS -> AwsEvents.event(trigger, settings, now);
			case AZURE -> AzureEvents.event(trigger, settings, now);
			case GCP -> GcpEvents.event(trigger, settings, now);
			case ALIYUN -> AliyunEvents.event(trigger, settings, now);
			case TENCENT -> TencentEvents.event(trigger, settings, now);
			case CONTAINER -> KnativeEvents.event(trigger, settings, now);
			case WEB -> throw new IllegalArgumentException("polyfn's web server has HTTP only, not " + trigger.id());
			case OPENWHISK -> throw new IllegalArgumentException("polyfn has no OpenWhisk sample events: a plain action's"
					+ " input is its parameters, a JSON object (wsk action invoke NAME --param key value)");
		};
		return MiniJson.write(event);
	}

	/**
	 * Whether the cloud gets this trigger as a plain HTTP request rather than an event document (OpenWhisk: the web
	 * action's arguments are made from the request, as the controller makes them).
	 */
	public static boolean isPlainHttp(Cloud cloud, Trigger trigger) {
		return trigger == Trigger.HTTP && (cloud.isWebApp() || cloud == Cloud.GCP || cloud == Cloud.ALIYUN
				|| cloud == Cloud.OPENWHISK);
	}

	/** Whether {@code text} already is an event of {@code cloud} (then it goes in as it is). */
	public static boolean isCloudEvent(Cloud cloud, String text) {
		Object json;
		try {
			json = MiniJson.parse(text);
		}
		catch (IllegalArgumentException notJson) {
			return false;
		}
		if (!(json instanceof Map<?, ?> map)) {
			return false;
		}
		return switch (cloud) {
			case AWS -> AwsEvents.isEvent(map);
			case AZURE -> AzureEvents.isEvent(map);
			case GCP -> GcpEvents.isEvent(map);
			case ALIYUN -> AliyunEvents.isEvent(map);
			case TENCENT -> TencentEvents.isEvent(map);
			case CONTAINER -> GcpEvents.isEvent(map); // a structured-mode CloudEvent
			case OPENWHISK -> true; // a plain action's parameters: any JSON object
			case WEB -> false;
		};
	}
}
