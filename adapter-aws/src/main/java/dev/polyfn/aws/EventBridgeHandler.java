package dev.polyfn.aws;

import dev.polyfn.aws.events.EventBridgeShape;

/**
 * Lambda handler for EventBridge rules and schedules: {@code dev.polyfn.aws.EventBridgeHandler::handleRequest}.
 * The function may take {@code ScheduledTick} for a schedule.
 */
public class EventBridgeHandler extends LambdaEntry {

	public EventBridgeHandler() {
		super(new EventBridgeShape());
	}
}
