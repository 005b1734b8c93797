package dev.polyfn.aliyun;

import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationContextAware;
import org.springframework.context.ConfigurableApplicationContext;

import dev.polyfn.core.http.HttpEndpoint;
import dev.polyfn.core.invoke.InvocationContext;
import dev.polyfn.core.model.Headers;
import dev.polyfn.core.model.PortableHttpRequest;
import dev.polyfn.core.model.PortableHttpResponse;

/** FC's instance lifecycle hooks, which a custom runtime receives as plain HTTP calls. */
final class LifecycleEndpoints {

	private LifecycleEndpoints() {
	}

	private static PortableHttpResponse ok() {
		return new PortableHttpResponse(200, new Headers().set(FcInvocation.STATUS, "200"), new byte[0]);
	}

	/**
	 * {@code POST /initialize}: the Initializer hook. The server lives inside the started application context,
	 * so by the time this request is served there is nothing left to initialise.
	 */
	static final class Initialize implements HttpEndpoint {

		@Override
		public boolean matches(String method, String path) {
			return "POST".equals(method) && "/initialize".equals(path);
		}

		@Override
		public boolean matches(PortableHttpRequest request) {
			return FcControlPlane.isControlCall(request, "POST", "/initialize");
		}

		@Override
		public PortableHttpResponse handle(PortableHttpRequest request) {
			InvocationContext context = FcInvocation.context(request);
			FcInvocation.started("Initialize", context);
			FcInvocation.ended("Initialize", context);
			return ok();
		}
	}

	/**
	 * {@code GET /pre-freeze}: FC is about to freeze the instance between requests. polyfn keeps nothing to
	 * flush (logs go to stdout as they are written), so it only answers, with FC's start/end lines.
	 */
	static final class PreFreeze implements HttpEndpoint {

		@Override
		public boolean matches(String method, String path) {
			return "GET".equals(method) && "/pre-freeze".equals(path);
		}

		@Override
		public boolean matches(PortableHttpRequest request) {
			return FcControlPlane.isControlCall(request, "GET", "/pre-freeze");
		}

		@Override
		public PortableHttpResponse handle(PortableHttpRequest request) {
			InvocationContext context = FcInvocation.context(request);
			FcInvocation.started("PreFreeze", context);
			FcInvocation.ended("PreFreeze", context);
			return ok();
		}
	}

	/**
	 * {@code GET /pre-stop}: FC is about to stop the instance. Answer first, then close the application context
	 * (the HTTP server drains first: in-flight requests finish within {@code polyfn.http.drain-deadline}, new ones
	 * get 503; then beans' destroy callbacks) so the JVM exits on its own.
	 */
	static final class PreStop implements HttpEndpoint, ApplicationContextAware {

		private static final Logger log = LoggerFactory.getLogger(PreStop.class);

		/** Time for this very answer to be written before the server it travels through is stopped. */
		private static final long ANSWER_GRACE_MILLIS = 200;

		private final AtomicBoolean stopping = new AtomicBoolean();
		private ConfigurableApplicationContext application;

		@Override
		public void setApplicationContext(ApplicationContext context) {
			this.application = (ConfigurableApplicationContext) context;
		}

		@Override
		public boolean matches(String method, String path) {
			return "GET".equals(method) && "/pre-stop".equals(path);
		}

		@Override
		public boolean matches(PortableHttpRequest request) {
			return FcControlPlane.isControlCall(request, "GET", "/pre-stop");
		}

		@Override
		public PortableHttpResponse handle(PortableHttpRequest request) {
			InvocationContext context = FcInvocation.context(request);
			FcInvocation.started("PreStop", context);
			if (stopping.compareAndSet(false, true)) {
				Thread closer = new Thread(this::close, "polyfn-pre-stop");
				closer.start();
			}
			FcInvocation.ended("PreStop", context);
			return ok();
		}

		private void close() {
			try {
				Thread.sleep(ANSWER_GRACE_MILLIS);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
			log.info("FC pre-stop: closing the application context");
			application.close();
		}
	}
}
