package dev.polyfn.core.boot;

/**
 * In a flat (shaded) jar logback cannot read its own jars' versions, warns that they differ and then prints its
 * whole start-up status into every cold start's log. Its status printer is turned off here (logback's own
 * on-error listener still replays the warning); Spring Boot's logging system reports configuration errors of
 * its own. Must run before the first logger is created; a user's own setting wins.
 */
final class LogbackStatus {

	private static final String PROPERTY = "logback.statusListenerClass";

	private LogbackStatus() {
	}

	static void quiet() {
		if (System.getProperty(PROPERTY) == null && System.getenv("LOGBACK_STATUS_LISTENER_CLASS") == null) {
			System.setProperty(PROPERTY, "ch.qos.logback.core.status.NopStatusListener");
		}
	}
}
