package dev.polyfn.maven;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import dev.polyfn.local.LocalLambda;
import dev.polyfn.local.MiniJson;
import dev.polyfn.local.events.Cloud;
import dev.polyfn.local.events.EventSettings;
import dev.polyfn.local.events.SampleEvents;
import dev.polyfn.local.events.Trigger;

/**
 * What an HTTP API does in front of a Lambda function, for {@code polyfn:run -Dpolyfn.cloud=aws}: each request
 * becomes a payload 2.0 event for the function running under the runtime interface client, and the payload 2.0
 * response it answers becomes the HTTP response (status, headers, body, base64 decoded).
 */
final class LambdaHttpBridge {

	private LambdaHttpBridge() {
	}

	static Serving start(LocalLambda lambda, int port) throws IOException {
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
		server.createContext("/", exchange -> forward(lambda, exchange));
		server.start();
		return new Serving("http://127.0.0.1:" + port, lambda.process(), () -> {
			server.stop(0);
			lambda.close();
		});
	}

	private static void forward(LocalLambda lambda, HttpExchange exchange) throws IOException {
		try (exchange) {
			String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			String function = exchange.getRequestURI().getPath().replaceAll("^/+", "");
			String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
			@SuppressWarnings("unchecked")
			Map<String, Object> event = (Map<String, Object>) MiniJson.parse(SampleEvents.of(Cloud.AWS, Trigger.HTTP,
					EventSettings.defaults().withFunction(function).withBody(body).withContentType(contentType)));
			@SuppressWarnings("unchecked")
			Map<String, Object> context = (Map<String, Object>) event.get("requestContext");
			@SuppressWarnings("unchecked")
			Map<String, Object> http = (Map<String, Object>) context.get("http");
			http.put("method", exchange.getRequestMethod());
			event.put("rawQueryString", exchange.getRequestURI().getRawQuery() == null ? "" : exchange.getRequestURI().getRawQuery());
			String answer;
			try {
				answer = lambda.api().invoke(MiniJson.write(event).getBytes(StandardCharsets.UTF_8)).get(5, TimeUnit.MINUTES).body();
			}
			catch (Exception failed) {
				exchange.sendResponseHeaders(502, -1);
				return;
			}
			Object json = MiniJson.parse(answer);
			Map<?, ?> response = json instanceof Map<?, ?> map ? map : new LinkedHashMap<>();
			if (response.get("headers") instanceof Map<?, ?> headers) {
				headers.forEach((name, value) -> exchange.getResponseHeaders().set(String.valueOf(name), String.valueOf(value)));
			}
			String text = response.get("body") == null ? "" : String.valueOf(response.get("body"));
			byte[] bytes = Boolean.TRUE.equals(response.get("isBase64Encoded")) ? Base64.getDecoder().decode(text)
					: text.getBytes(StandardCharsets.UTF_8);
			int status = response.get("statusCode") instanceof Number n ? n.intValue() : 200;
			exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
			exchange.getResponseBody().write(bytes);
		}
	}
}
