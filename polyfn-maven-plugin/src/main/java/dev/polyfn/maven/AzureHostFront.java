package dev.polyfn.maven;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import dev.polyfn.local.LocalServer;
import dev.polyfn.local.MiniJson;

/**
 * What the Functions host does in front of a custom handler with {@code enableForwardingHttpRequest}, for
 * {@code polyfn:run -Dpolyfn.cloud=azure}: a request whose path is {@code /api/<route>} of an HTTP function the app
 * declares (its function.json's httpTrigger route and methods) is forwarded as it came, at the same path, with
 * {@code x-azure-functions-invocationid} added (azure-functions-host, DefaultHttpWorkerService); any other request
 * gets the host's 404 with an empty body, and no function runs. Function keys are not checked, as
 * {@code func start} does not check them either.
 */
final class AzureHostFront {

	/** The host.json route prefix polyfn's Azure packages keep. */
	static final String ROUTE_PREFIX = "/api/";

	/** Headers the JDK's HTTP client sets itself (and hop-by-hop ones): not copied onto the forwarded request. */
	private static final Set<String> NOT_FORWARDED = Set.of("connection", "content-length", "expect", "host", "upgrade",
			"transfer-encoding", "keep-alive");

	/** One declared HTTP function: its route as a pattern, and its methods (empty: any). */
	record Route(String function, Pattern path, Set<String> methods) {

		boolean matches(String method, String requestPath) {
			return path.matcher(requestPath).matches()
					&& (methods.isEmpty() || methods.contains(method.toLowerCase(Locale.ROOT)));
		}
	}

	private AzureHostFront() {
	}

	/** The HTTP functions an app folder declares, from each {@code <function>/function.json}. */
	static List<Route> routes(Path app) throws IOException {
		List<Route> routes = new ArrayList<>();
		try (Stream<Path> folders = Files.list(app)) {
			for (Path folder : folders.sorted().toList()) {
				Path functionJson = folder.resolve("function.json");
				if (!Files.isRegularFile(functionJson)
						|| !(MiniJson.parse(Files.readString(functionJson)) instanceof Map<?, ?> json)
						|| !(json.get("bindings") instanceof List<?> bindings)) {
					continue;
				}
				String function = folder.getFileName().toString();
				for (Object binding : bindings) {
					if (binding instanceof Map<?, ?> b && "httpTrigger".equals(b.get("type"))) {
						String route = b.get("route") == null ? function : String.valueOf(b.get("route"));
						Set<String> methods = b.get("methods") instanceof List<?> list
								? Set.copyOf(list.stream().map(m -> String.valueOf(m).toLowerCase(Locale.ROOT)).toList())
								: Set.of();
						routes.add(new Route(function, pattern(route), methods));
					}
				}
			}
		}
		return routes;
	}

	/** An ASP.NET route template as a pattern: {@code {*rest}} any tail, {@code {name}} one segment, {@code {name?}} maybe one. */
	static Pattern pattern(String route) {
		StringBuilder regex = new StringBuilder(Pattern.quote(ROUTE_PREFIX));
		Matcher parameter = Pattern.compile("\\{(\\*?)[^}/?]*(\\??)}").matcher(route);
		int at = 0;
		while (parameter.find()) {
			if (parameter.start() > at) {
				regex.append(Pattern.quote(route.substring(at, parameter.start())));
			}
			regex.append(!parameter.group(1).isEmpty() ? ".*" : !parameter.group(2).isEmpty() ? "[^/]*" : "[^/]+");
			at = parameter.end();
		}
		if (at < route.length()) {
			regex.append(Pattern.quote(route.substring(at)));
		}
		return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE);
	}

	/** Serves {@code port}, forwarding declared routes to the custom handler; closing stops both. */
	static Serving start(List<Route> routes, LocalServer handler, int port) throws IOException {
		HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
		AtomicBoolean listening = new AtomicBoolean();
		server.createContext("/", exchange -> answer(routes, handler, listening, client, exchange));
		server.start();
		return new Serving("http://127.0.0.1:" + port, handler.process(), () -> {
			server.stop(0);
			handler.close();
		});
	}

	private static void answer(List<Route> routes, LocalServer handler, AtomicBoolean listening, HttpClient client,
			HttpExchange exchange) throws IOException {
		try (exchange) {
			String path = exchange.getRequestURI().getRawPath();
			boolean declared = routes.stream().anyMatch(r -> r.matches(exchange.getRequestMethod(), path));
			// the host waits for its custom handler to listen before it forwards the first request
			if (declared && !listening.get()) {
				listening.set(handler.awaitListening(Duration.ofMinutes(2)));
			}
			if (!declared || !listening.get()) {
				exchange.getRequestBody().readAllBytes();
				exchange.sendResponseHeaders(declared ? 502 : 404, -1);
				return;
			}
			HttpResponse<byte[]> response = client.send(forwarded(handler, exchange), HttpResponse.BodyHandlers.ofByteArray());
			response.headers().map().forEach((name, values) -> {
				if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT)) && !name.equalsIgnoreCase("date")) {
					exchange.getResponseHeaders().put(name, values);
				}
			});
			byte[] body = response.body();
			exchange.sendResponseHeaders(response.statusCode(), body.length == 0 ? -1 : body.length);
			exchange.getResponseBody().write(body);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	private static HttpRequest forwarded(LocalServer handler, HttpExchange exchange) throws IOException {
		String query = exchange.getRequestURI().getRawQuery();
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(handler.url(exchange.getRequestURI().getRawPath()
				+ (query == null ? "" : "?" + query))))
			.method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(exchange.getRequestBody().readAllBytes()));
		exchange.getRequestHeaders().forEach((name, values) -> {
			if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT))) {
				values.forEach(value -> request.header(name, value));
			}
		});
		request.header("x-azure-functions-invocationid", UUID.randomUUID().toString());
		return request.build();
	}
}
