package dev.polyfn.azure;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import dev.polyfn.azure.host.FunctionsHost;
import dev.polyfn.azure.host.Invocation;
import dev.polyfn.azure.host.JavaWorker;
import dev.polyfn.azure.testapp.AzureTestApplication;
import dev.polyfn.core.boot.PolyfnRuntime;
import dev.polyfn.core.model.Headers;

/**
 * The test application and the host-faithful path: every invocation is built by {@link FunctionsHost} as the
 * Functions host builds it and bound by {@link JavaWorker} as the Java worker binds it.
 */
final class AzureTestSupport {

	private static PolyfnRuntime runtime;

	private AzureTestSupport() {
	}

	/** One test application per test JVM, as the worker has one per process. */
	static synchronized PolyfnRuntime runtime() {
		if (runtime == null) {
			runtime = PolyfnRuntime.start(AzureTestApplication.class, "azure",
					Map.of("polyfn.deploy.processOrder.source", "orders", "polyfn.deploy.inspectMessage.source", "orders"));
		}
		return runtime;
	}

	static AzureFunctionRuntime functions() {
		return AzureFunctionRuntime.of(runtime());
	}

	static AzureTestApplication.Recorder recorder() {
		return runtime().context().getBean(AzureTestApplication.Recorder.class);
	}

	/** An HTTP request as a client sends it, through the host and the worker to the Azure function. */
	static JavaWorker.Outcome http(Object handler, String functionName, String method, String url, Headers headers,
			byte[] body) {
		return JavaWorker.invoke(handler,
				FunctionsHost.httpInvocation(functionName, "request", FunctionsHost.http(method, url, headers, body)));
	}

	static Headers contentType(String contentType) {
		Headers headers = new Headers();
		if (contentType != null) {
			headers.set("Content-Type", contentType);
		}
		return headers;
	}

	/** A logger for one invocation that keeps what was logged. */
	static final class Logs {

		final Logger logger = Logger.getAnonymousLogger();
		final List<LogRecord> records = new CopyOnWriteArrayList<>();

		Logs() {
			logger.setUseParentHandlers(false);
			logger.addHandler(new Handler() {
				@Override
				public void publish(LogRecord record) {
					records.add(record);
				}

				@Override
				public void flush() {
				}

				@Override
				public void close() {
				}
			});
		}

		JavaWorker.Outcome invoke(Object handler, Invocation invocation) {
			return JavaWorker.invoke(handler, invocation, logger);
		}
	}
}
