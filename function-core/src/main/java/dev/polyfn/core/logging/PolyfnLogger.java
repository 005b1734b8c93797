package dev.polyfn.core.logging;

import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;

/** One named logger; its level is set by {@link PolyfnLoggerFactory} and changes when the settings do. */
final class PolyfnLogger extends LegacyAbstractLogger {

	private static final long serialVersionUID = 1L;

	/** Below every level: nothing is logged (OFF). */
	static final int OFF = Integer.MAX_VALUE;

	private final transient LogLineWriter writer;

	private volatile int threshold;

	PolyfnLogger(String name, Level level, LogLineWriter writer) {
		this.name = name;
		this.writer = writer;
		setLevel(level);
	}

	void setLevel(Level level) {
		this.threshold = level == null ? OFF : level.toInt();
	}

	private boolean enabled(Level level) {
		return level.toInt() >= threshold;
	}

	@Override
	public boolean isTraceEnabled() {
		return enabled(Level.TRACE);
	}

	@Override
	public boolean isDebugEnabled() {
		return enabled(Level.DEBUG);
	}

	@Override
	public boolean isInfoEnabled() {
		return enabled(Level.INFO);
	}

	@Override
	public boolean isWarnEnabled() {
		return enabled(Level.WARN);
	}

	@Override
	public boolean isErrorEnabled() {
		return enabled(Level.ERROR);
	}

	@Override
	protected String getFullyQualifiedCallerName() {
		return null;
	}

	@Override
	protected void handleNormalizedLoggingCall(Level level, Marker marker, String pattern, Object[] arguments,
			Throwable throwable) {
		// AbstractLogger checks only the *Enabled methods of the level-specific calls; the fluent API may not.
		if (!enabled(level)) {
			return;
		}
		String message = arguments == null || arguments.length == 0 ? pattern
				: MessageFormatter.basicArrayFormat(pattern, arguments);
		writer.write(level, name, message, throwable);
	}
}
