package dev.polyfn.aliyun.events;

import java.util.List;

import dev.polyfn.core.events.JsonEvents;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Turns the body FC posts to {@code /invoke} into portable events by walking an ordered table of shapes; the
 * first that matches maps it. A body that is not JSON, or JSON no row recognises, reaches the function unchanged
 * (FC's own API invocations carry whatever payload the caller chose).
 */
public final class FcEventNormaliser {

	/** Most specific first: the MNS stream row only matches an object of exactly {@code body} and {@code attrs}. */
	static final List<FcEventShape> SHAPES = List.of(
			new OssEventShape(),
			new TimerEventShape(),
			new MnsTopicMessageShape(),
			new MnsStreamMessageShape(),
			new EventBridgeShape(),
			new SlsEventShape(),
			new HttpTriggerEventShape());

	public FcEvent normalise(byte[] body) {
		JsonNode event = parseOrNull(body);
		if (event == null) {
			return new FcEvent.Raw(body);
		}
		for (FcEventShape shape : SHAPES) {
			if (shape.matches(event)) {
				return shape.read(event);
			}
		}
		return new FcEvent.Raw(body);
	}

	private static JsonNode parseOrNull(byte[] body) {
		if (!startsLikeJson(body)) {
			return null;
		}
		try {
			JsonNode node = JsonEvents.readTree(body);
			return node == null || node.isMissingNode() ? null : node;
		}
		catch (JacksonException notJson) {
			return null;
		}
	}

	/** Cheap check so plain-text payloads skip the JSON parser. */
	private static boolean startsLikeJson(byte[] body) {
		for (byte b : body) {
			if (b == '{' || b == '[') {
				return true;
			}
			if (!Character.isWhitespace(b)) {
				return false;
			}
		}
		return false;
	}
}
