package dev.polyfn.core.http;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import dev.polyfn.core.invoke.FunctionDescription;
import dev.polyfn.core.http.server.HttpFront;
import dev.polyfn.core.invoke.InvocationContext;
import dev.polyfn.core.model.MediaTypes;
import dev.polyfn.core.model.PortableHttpRequest;
import dev.polyfn.core.model.PortableHttpResponse;
import dev.polyfn.core.json.PolyfnJson;

/**
 * The polyfn HTTP server: the web-app mode, Function Compute's custom runtime and SCF's web functions all
 * serve through it. The wire is polyfn's own {@link HttpFront} (no dependency, starts in milliseconds; see the
 * README's "HTTP server limits" for why not the JDK's server or Netty). Routes: {@code GET /actuator/health},
 * {@code GET /actuator/functions} when {@code polyfn.http.functions-listing=true}, the adapters'
 * {@link HttpEndpoint}s, then {@code /{function}} (and {@code /a,b} or {@code /a|b} for compositions) with
 * {@code /} for the default.
 */
public class PolyfnHttpServer implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(PolyfnHttpServer.class);

	private final HttpFunctionHandler handler;
	private final List<HttpEndpoint> endpoints;
	private final HttpExchangeInterceptor interceptor;
	private final String host;
	private final int requestedPort;
	private final HttpLimits limits;
	private final String cloud;
	private final boolean listing;

	private volatile HttpFront front;

	public PolyfnHttpServer(HttpFunctionHandler handler, List<HttpEndpoint> endpoints, HttpExchangeInterceptor interceptor,
			String host, int port, int threads, String cloud) {
		this(handler, endpoints, interceptor, host, port, HttpLimits.defaults(handler.maxBodySize(), threads), cloud, true);
	}

	public PolyfnHttpServer(HttpFunctionHandler handler, List<HttpEndpoint> endpoints, HttpExchangeInterceptor interceptor,
			String host, int port, HttpLimits limits, String cloud, boolean listing) {
		this.handler = handler;
		this.endpoints = List.copyOf(endpoints);
		this.interceptor = interceptor == null ? new HttpExchangeInterceptor() { } : interceptor;
		this.host = host;
		this.requestedPort = port;
		this.limits = limits;
		this.cloud = cloud;
		this.listing = listing;
	}

	@Override
	public synchronized void start() {
		if (front != null) {
			return;
		}
		HttpFront created = new HttpFront(limits, new HttpFront.Handler() {

			@Override
			public PortableHttpResponse handle(PortableHttpRequest request) {
				return serve(request);
			}

			@Override
			public PortableHttpResponse refused(PortableHttpRequest head, PortableHttpResponse refusal) {
				for (HttpEndpoint endpoint : endpoints) {
					if (endpoint.matches(head)) {
						return endpoint.refused(refusal);
					}
				}
				return refusal;
			}
		});
		try {
			created.start(host, requestedPort);
		}
		catch (IOException e) {
			throw new IllegalStateException("polyfn could not listen on " + host + ":" + requestedPort + ": " + e.getMessage(), e);
		}
		this.front = created;
		log.info("polyfn HTTP server listening on http://{}:{} with functions {}{}", host, port(),
				handler.invoker().functionNames(), KnativeRevision.describe(System::getenv));
	}

	/** Drains: in-flight requests finish within {@code polyfn.http.drain-deadline}, new ones get 503. */
	@Override
	public synchronized void stop() {
		HttpFront running = front;
		if (running != null) {
			log.info("polyfn HTTP server draining (deadline {})", limits.drainDeadline());
			running.stop();
			front = null;
			log.info("polyfn HTTP server stopped");
		}
	}

	@Override
	public boolean isRunning() {
		return front != null;
	}

	/** The port actually bound (useful with port 0). */
	public int port() {
		HttpFront running = front;
		return running == null ? requestedPort : running.port();
	}

	/** One complete request, on a worker thread. */
	PortableHttpResponse serve(PortableHttpRequest request) {
		String method = request.method();
		String path = request.path();
		if ("/actuator/health".equals(path) && ("GET".equals(method) || "HEAD".equals(method))) {
			return PortableHttpResponse.of(200, MediaTypes.JSON, "{\"status\":\"UP\"}".getBytes());
		}
		if (listing && "GET".equals(method) && ("/actuator/functions".equals(path) || "/functions".equals(path))) {
			return listing();
		}
		for (HttpEndpoint endpoint : endpoints) {
			if (endpoint.matches(request)) {
				return endpoint.handle(request);
			}
		}
		InvocationContext context = interceptor.context(request,
				InvocationContext.of(cloud, request.headers().first("X-Request-Id"), null));
		PortableHttpResponse response = handler.handleStrict(request, context);
		interceptor.completed(request, response, context);
		return response;
	}

	private PortableHttpResponse listing() {
		List<FunctionDescription> functions = handler.invoker().describe();
		Map<String, Object> listing = new java.util.LinkedHashMap<>();
		listing.put("default", handler.invoker().defaultDefinition());
		listing.put("functions", functions);
		byte[] body = PolyfnJson.mapper().writeValueAsBytes(listing);
		return PortableHttpResponse.of(200, MediaTypes.JSON, body);
	}

	@Override
	public int getPhase() {
		// Start last and stop first: serve only while every other bean is ready.
		return Integer.MAX_VALUE - 100;
	}
}
