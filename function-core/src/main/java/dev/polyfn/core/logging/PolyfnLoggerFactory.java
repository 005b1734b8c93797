package dev.polyfn.core.logging;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.slf4j.ILoggerFactory;
import org.slf4j.Logger;

/** Hands out one logger per name and re-levels them all when the settings change. */
final class PolyfnLoggerFactory implements ILoggerFactory {

	private final ConcurrentMap<String, PolyfnLogger> loggers = new ConcurrentHashMap<>();
	private final LogLineWriter writer;
	private volatile LogLevels levels;

	PolyfnLoggerFactory(LogLevels levels, LogLineWriter writer) {
		this.levels = levels;
		this.writer = writer;
	}

	@Override
	public Logger getLogger(String name) {
		String key = name == null || Logger.ROOT_LOGGER_NAME.equalsIgnoreCase(name) ? "" : name;
		return loggers.computeIfAbsent(key, n -> new PolyfnLogger(n, levels.levelOf(n), writer));
	}

	void reconfigure(LogLevels newLevels) {
		this.levels = newLevels;
		loggers.forEach((name, logger) -> logger.setLevel(newLevels.levelOf(name)));
	}
}
