package dev.polyfn.examples;

import java.util.function.Function;

import dev.polyfn.core.FunctionStatusException;
import dev.polyfn.core.messaging.Message;
import dev.polyfn.core.messaging.MessageDestinations;

/**
 * An IoT reading → an alert when the temperature is above the threshold
 * ({@code polyfn.examples.temperature-threshold}, default 30), published to the messaging alias {@value #ALERTS} and
 * answered; otherwise nothing is published and there is no result (204).
 */
public class TemperatureAlertFunction implements Function<TemperatureAlertFunction.Reading, TemperatureAlertFunction.Alert> {

	public record Reading(String deviceId, Double temperature) {
	}

	public record Alert(String deviceId, double temperature, double threshold, String message) {
	}

	/** The messaging alias the alerts go to (a topic: whoever is on call subscribes). */
	public static final String ALERTS = "alerts";

	private final double threshold;
	private final MessageDestinations messaging;

	public TemperatureAlertFunction(double threshold, MessageDestinations messaging) {
		this.threshold = threshold;
		this.messaging = messaging;
	}

	@Override
	public Alert apply(Reading reading) {
		if (reading.deviceId() == null || reading.deviceId().isBlank() || reading.temperature() == null) {
			throw new FunctionStatusException(400, "A reading needs 'deviceId' and 'temperature'");
		}
		if (reading.temperature() <= threshold) {
			return null;
		}
		Alert alert = new Alert(reading.deviceId(), reading.temperature(), threshold,
				"Device " + reading.deviceId() + " reads " + reading.temperature() + ", above " + threshold);
		messaging.destination(ALERTS).publish(Message.json(alert).withAttribute("type", "temperature-alert")
			.withAttribute("deviceId", dev.polyfn.core.invoke.CallerText.excerpt(reading.deviceId(), 100)));
		return alert;
	}
}
