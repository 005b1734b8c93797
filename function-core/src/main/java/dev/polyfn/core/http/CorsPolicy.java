package dev.polyfn.core.http;

import java.util.Arrays;
import java.util.List;

import org.springframework.core.env.Environment;

import dev.polyfn.core.model.PortableHttpRequest;
import dev.polyfn.core.model.PortableHttpResponse;

/**
 * CORS, off unless {@code polyfn.http.cors.allowed-origins} names origins (or {@code *}): then a request
 * from a listed {@code Origin} gets {@code Access-Control-Allow-Origin}, and a preflight (OPTIONS) also the
 * methods the function runs for, {@code polyfn.http.cors.allowed-headers} and {@code polyfn.http.cors.max-age}.
 */
public record CorsPolicy(List<String> allowedOrigins, String allowedHeaders, String maxAgeSeconds) {

	public static final CorsPolicy NONE = new CorsPolicy(List.of(), "", "");

	public static CorsPolicy from(Environment env) {
		String origins = env.getProperty("polyfn.http.cors.allowed-origins", "");
		List<String> list = Arrays.stream(origins.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
		return list.isEmpty() ? NONE : new CorsPolicy(list,
				env.getProperty("polyfn.http.cors.allowed-headers", "Content-Type").strip(),
				env.getProperty("polyfn.http.cors.max-age", "600").strip());
	}

	boolean enabled() {
		return !allowedOrigins.isEmpty();
	}

	/** Adds the CORS headers a request from an allowed origin gets; changes nothing otherwise. */
	PortableHttpResponse apply(PortableHttpRequest request, PortableHttpResponse response, String allow) {
		String origin = request.headers().first("Origin");
		if (!enabled() || origin == null) {
			return response;
		}
		boolean any = allowedOrigins.contains("*");
		if (!any && !allowedOrigins.contains(origin)) {
			return response;
		}
		response.headers().set("Access-Control-Allow-Origin", any ? "*" : origin);
		if (!any) {
			response.headers().add("Vary", "Origin");
		}
		if ("OPTIONS".equals(request.method()) && request.headers().contains("Access-Control-Request-Method")) {
			response.headers().set("Access-Control-Allow-Methods", allow);
			response.headers().set("Access-Control-Allow-Headers", allowedHeaders);
			response.headers().set("Access-Control-Max-Age", maxAgeSeconds);
		}
		return response;
	}
}
