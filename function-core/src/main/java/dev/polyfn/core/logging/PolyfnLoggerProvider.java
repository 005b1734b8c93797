package dev.polyfn.core.logging;

import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.helpers.BasicMDCAdapter;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * SLF4J's binding for polyfn's cloud runtimes, chosen through the {@code slf4j.provider} system property by
 * {@link PolyfnLogging#select()}: a few classes instead of Logback's few hundred, which is a tenth of a Lambda
 * cold start. Not registered as a service, so an application that has Logback keeps it everywhere else.
 */
public final class PolyfnLoggerProvider implements SLF4JServiceProvider {

	private static volatile PolyfnLoggerFactory active;

	private final IMarkerFactory markers = new BasicMarkerFactory();
	private final MDCAdapter mdc = new BasicMDCAdapter();
	private PolyfnLoggerFactory loggers;

	@Override
	public void initialize() {
		loggers = new PolyfnLoggerFactory(LogLevels.fromProcess(System.getenv(), System.getProperties()),
				LogLineWriter.forProcess(System.out, mdc, System.getenv()));
		active = loggers;
	}

	@Override
	public ILoggerFactory getLoggerFactory() {
		return loggers;
	}

	@Override
	public IMarkerFactory getMarkerFactory() {
		return markers;
	}

	@Override
	public MDCAdapter getMDCAdapter() {
		return mdc;
	}

	@Override
	public String getRequestedApiVersion() {
		return "2.0.99";
	}

	/** The factory SLF4J is using, if it is this one. */
	static PolyfnLoggerFactory active() {
		return active;
	}
}
