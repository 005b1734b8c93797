package dev.polyfn.packaging.azure;

import java.time.Duration;

/**
 * A polyfn schedule interval as an Azure timer schedule. Intervals that divide a minute, an hour or a day become
 * six-field NCRONTAB expressions ({@code second minute hour day month day-of-week}); any other interval becomes a
 * TimeSpan ({@code hh:mm:ss}), which Azure accepts on App Service plans but not on the Consumption plan.
 */
public final class NcrontabSchedules {

	private NcrontabSchedules() {
	}

	public static String every(Duration interval) {
		long seconds = interval == null ? 3600 : Math.max(1, interval.toSeconds());
		if (seconds < 60 && 60 % seconds == 0) {
			return "*/" + seconds + " * * * * *";
		}
		if (seconds % 60 == 0) {
			long minutes = seconds / 60;
			if (minutes < 60 && 60 % minutes == 0) {
				return minutes == 1 ? "0 * * * * *" : "0 */" + minutes + " * * * *";
			}
			if (minutes % 60 == 0) {
				long hours = minutes / 60;
				if (hours < 24 && 24 % hours == 0) {
					return hours == 1 ? "0 0 * * * *" : "0 0 */" + hours + " * * *";
				}
				if (hours == 24) {
					return "0 0 0 * * *";
				}
			}
		}
		return String.format(java.util.Locale.ROOT, "%02d:%02d:%02d", seconds / 3600, (seconds % 3600) / 60,
				seconds % 60);
	}
}
