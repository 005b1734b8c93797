package dev.polyfn.core.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import dev.polyfn.core.invoke.FunctionDescription;
import dev.polyfn.core.invoke.FunctionError;
import dev.polyfn.core.invoke.InvocationContext;
import dev.polyfn.core.model.Headers;
import dev.polyfn.core.model.MediaTypes;
import dev.polyfn.core.model.PortableHttpRequest;
import dev.polyfn.core.model.PortableHttpResponse;
import dev.polyfn.core.json.PolyfnJson;

/**
 * The polyfn HTTP server: the web-app mode, Function Compute's custom runtime and SCF's web functions all
 * serve through it. It is the JDK's own server, so it adds no dependency and starts in milliseconds.
 * Routes: {@code GET /actuator/health}, {@code GET /actuator/functions}, the adapters' {@link HttpEndpoint}s,
 * then {@code /{function}} (and {@code /a,b} or {@code /a|b} for compositions) with {@code /} for the default.
 */
public class PolyfnHttpServer implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(PolyfnHttpServer.class);



	/**
	 * How much of an oversized body is read and thrown away before answering 413: closing the connection while
	 * the client is still sending makes TCP reset it, and the client loses the 413.
	 */
	private static final long DISCARD_LIMIT = 64L * 1024 * 1024;

	private final HttpFunctionHandler handler;
	private final List<HttpEndpoint> endpoints;
	private final HttpExchangeInterceptor interceptor;
	private final String host;
	private final int requestedPort;
	private final int threads;
	private final String cloud;

	private volatile HttpServer server;
	private volatile ExecutorService executor;

	public PolyfnHttpServer(HttpFunctionHandler handler, List<HttpEndpoint> endpoints, HttpExchangeInterceptor interceptor,
			String host, int port, int threads, String cloud) {
		this.handler = handler;
		this.endpoints = List.copyOf(endpoints);
		this.interceptor = interceptor == null ? new HttpExchangeInterceptor() { } : interceptor;
		this.host = host;
		this.requestedPort = port;
		this.threads = threads;
		this.cloud = cloud;
	}

	@Override
	public synchronized void start() {
		if (server != null) {
			return;
		}
		// The JDK server writes headers and body separately; without TCP_NODELAY, Nagle's algorithm and delayed
		// ACKs hold every keep-alive response ~40 ms (about 180 requests/s on loopback). Read once, at creation.
		if (System.getProperty("sun.net.httpserver.nodelay") == null) {
			System.setProperty("sun.net.httpserver.nodelay", "true");
		}
		try {
			HttpServer created = HttpServer.create(new InetSocketAddress(host, requestedPort), 1024);
			ExecutorService pool = Executors.newFixedThreadPool(threads, new NamedThreads());
			created.setExecutor(pool);
			created.createContext("/", this::exchange);
			created.start();
			this.executor = pool;
			this.server = created;
		}
		catch (IOException e) {
			throw new IllegalStateException("polyfn could not listen on " + host + ":" + requestedPort + ": " + e.getMessage(), e);
		}
		log.info("polyfn HTTP server listening on http://{}:{} with functions {}", host, port(),
				handler.invoker().functionNames());
	}

	@Override
	public synchronized void stop() {
		HttpServer running = server;
		if (running != null) {
			running.stop(0);
			executor.shutdown();
			try {
				executor.awaitTermination(5, TimeUnit.SECONDS);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
			server = null;
		}
	}

	@Override
	public boolean isRunning() {
		return server != null;
	}

	/** The port actually bound (useful with port 0). */
	public int port() {
		HttpServer running = server;
		return running == null ? requestedPort : running.getAddress().getPort();
	}

	private void exchange(HttpExchange exchange) {
		try (exchange) {
			PortableHttpResponse response;
			try {
				response = serve(exchange);
			}
			catch (RuntimeException | IOException unexpected) {
				log.error("polyfn HTTP server could not serve {} {}", exchange.getRequestMethod(),
						exchange.getRequestURI().getRawPath(), unexpected);
				response = new FunctionError(500, "server_error", "The request could not be served").toHttpResponse();
			}
			write(exchange, response);
		}
		catch (IOException clientGone) {
			log.debug("Client went away before the response was written: {}", clientGone.getMessage());
		}
	}

	private PortableHttpResponse serve(HttpExchange exchange) throws IOException {
		String method = exchange.getRequestMethod();
		String path = exchange.getRequestURI().getRawPath();
		if ("GET".equals(method) && "/actuator/health".equals(path)) {
			return PortableHttpResponse.of(200, MediaTypes.JSON, "{\"status\":\"UP\"}".getBytes());
		}
		if ("GET".equals(method) && ("/actuator/functions".equals(path) || "/functions".equals(path))) {
			return listing();
		}
		long declared = contentLength(exchange);
		long limit = handler.maxBodySize();
		byte[] body;
		try (InputStream in = exchange.getRequestBody()) {
			if (declared > limit) {
				discard(exchange, in);
				return FunctionError.payloadTooLarge(declared, limit).toHttpResponse();
			}
			body = RequestBodies.read(in, declared, limit);
			if (body.length > limit) {
				discard(exchange, in);
				return FunctionError.payloadTooLarge(body.length, limit).toHttpResponse();
			}
		}
		PortableHttpRequest request = PortableHttpRequest.builder()
				.method(method)
				.path(path)
				.rawQuery(exchange.getRequestURI().getRawQuery())
				.headers(Headers.of(exchange.getRequestHeaders()))
				.body(body)
				.build();
		for (HttpEndpoint endpoint : endpoints) {
			if (endpoint.matches(method, path)) {
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

	private static void discard(HttpExchange exchange, InputStream in) throws IOException {
		long skipped = 0;
		byte[] buffer = new byte[64 * 1024];
		int n;
		while (skipped < DISCARD_LIMIT && (n = in.read(buffer)) > 0) {
			skipped += n;
		}
		if (skipped >= DISCARD_LIMIT) {
			exchange.getResponseHeaders().set("Connection", "close");
		}
	}

	private static long contentLength(HttpExchange exchange) {
		String value = exchange.getRequestHeaders().getFirst("Content-Length");
		if (value == null) {
			return -1;
		}
		try {
			return Long.parseLong(value.trim());
		}
		catch (NumberFormatException invalid) {
			return -1;
		}
	}

	private static void write(HttpExchange exchange, PortableHttpResponse response) throws IOException {
		response.headers().forEach((name, values) -> values.forEach(v -> exchange.getResponseHeaders().add(name, v)));
		byte[] body = response.body();
		boolean noBody = body.length == 0 || "HEAD".equals(exchange.getRequestMethod())
				|| response.status() == 204 || response.status() == 304;
		exchange.sendResponseHeaders(response.status(), noBody ? -1 : body.length);
		if (!noBody) {
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		}
	}

	@Override
	public int getPhase() {
		// Start last and stop first: serve only while every other bean is ready.
		return Integer.MAX_VALUE - 100;
	}

	private static final class NamedThreads implements ThreadFactory {

		private final AtomicInteger count = new AtomicInteger();

		@Override
		public Thread newThread(Runnable task) {
			return new Thread(task, "polyfn-http-" + count.incrementAndGet());
		}
	}
}
