package dev.polyfn.examples;

import java.util.function.Function;

import dev.polyfn.core.FunctionStatusException;

/**
 * An IoT reading → an alert when the temperature is above the threshold
 * ({@code polyfn.examples.temperature-threshold}, default 30), otherwise no result (204).
 */
public class TemperatureAlertFunction implements Function<TemperatureAlertFunction.Reading, TemperatureAlertFunction.Alert> {

	public record Reading(String deviceId, Double temperature) {
	}

	public record Alert(String deviceId, double temperature, double threshold, String message) {
	}

	private final double threshold;

	public TemperatureAlertFunction(double threshold) {
		this.threshold = threshold;
	}

	@Override
	public Alert apply(Reading reading) {
		if (reading.deviceId() == null || reading.deviceId().isBlank() || reading.temperature() == null) {
			throw new FunctionStatusException(400, "A reading needs 'deviceId' and 'temperature'");
		}
		if (reading.temperature() <= threshold) {
			return null;
		}
		return new Alert(reading.deviceId(), reading.temperature(), threshold,
				"Device " + reading.deviceId() + " reads " + reading.temperature() + ", above " + threshold);
	}
}
