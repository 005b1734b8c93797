package dev.polyfn.gcp;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

import com.google.cloud.functions.HttpFunction;
import com.google.cloud.functions.HttpRequest;
import com.google.cloud.functions.HttpResponse;

import dev.polyfn.core.http.HttpFunctionHandler;
import dev.polyfn.core.http.RequestBodies;
import dev.polyfn.core.invoke.FunctionError;
import dev.polyfn.core.invoke.FunctionFailure;
import dev.polyfn.core.model.Headers;
import dev.polyfn.core.model.PortableHttpRequest;
import dev.polyfn.core.model.PortableHttpResponse;
import dev.polyfn.gcp.events.GcpEvents;

/**
 * Entry point for HTTP-triggered functions ({@code --entry-point dev.polyfn.gcp.GcpHttpFunction --trigger-http}).
 * The request becomes a portable HTTP request and goes through function-core's HTTP handler (function chosen by
 * {@code SPRING_CLOUD_FUNCTION_DEFINITION}, or by the path's last segment when it names a function); the
 * portable response is written back with its status, headers and binary body. Events pushed over HTTP (a
 * CloudEvent in binary or structured mode, or a legacy background-event body) reach the function as typed
 * events, as through {@link GcpCloudEventsFunction}.
 *
 * <p>The Functions Framework creates one instance per process when it starts, and so does the application
 * context: configuration errors fail the start, not the first request.
 */
public class GcpHttpFunction implements HttpFunction {

	private final HttpFunctionHandler http;

	public GcpHttpFunction() {
		this.http = GcpInstance.runtime().http();
	}

	@Override
	public void service(HttpRequest request, HttpResponse response) throws IOException {
		PortableHttpResponse answer = GcpInstance.withOwnClassLoader(() -> answer(request));
		write(answer, response);
	}

	private PortableHttpResponse answer(HttpRequest request) {
		PortableHttpRequest portable;
		try {
			portable = toPortable(request, http.maxBodySize());
		}
		catch (FunctionFailure tooLarge) {
			return tooLarge.error().toHttpResponse();
		}
		String requestId = request.getFirstHeader("Function-Execution-Id")
				.or(() -> request.getFirstHeader("ce-id"))
				.orElse(null);
		try {
			return GcpEvents.handleIfEvent(portable, http, GcpInstance.context(requestId))
					.orElseGet(() -> http.handle(portable, GcpInstance.context(requestId)));
		}
		catch (FunctionFailure unreadable) {
			return unreadable.error().toHttpResponse();
		}
	}

	static PortableHttpRequest toPortable(HttpRequest request, long maxBodySize) {
		byte[] body;
		try (InputStream in = request.getInputStream()) {
			body = RequestBodies.read(in, request.getContentLength(), maxBodySize);
		}
		catch (IOException unreadable) {
			throw new FunctionFailure(FunctionError.invalidInput("The request body could not be read"));
		}
		if (body.length > maxBodySize) {
			throw new FunctionFailure(FunctionError.payloadTooLarge(request.getContentLength() > 0
					? request.getContentLength() : body.length, maxBodySize));
		}
		PortableHttpRequest.Builder builder = PortableHttpRequest.builder()
				.method(request.getMethod())
				.path(request.getPath())
				.rawQuery(request.getQuery().orElse(null))
				.headers(Headers.of(request.getHeaders()))
				.body(body);
		return builder.build();
	}

	private static void write(PortableHttpResponse answer, HttpResponse response) throws IOException {
		response.setStatusCode(answer.status());
		answer.headers().forEach((name, values) -> {
			if (name.equalsIgnoreCase("Content-Type")) {
				response.setContentType(values.get(0));
			}
			else if (!name.equalsIgnoreCase("Content-Length")) {
				values.forEach(value -> response.appendHeader(name, value));
			}
		});
		if (answer.body().length > 0) {
			// Not closed: the framework completes the response after service() returns, with the length known.
			// Closing it here made Jetty write the body and its chunked-encoding end separately, blocking, per call.
			OutputStream out = response.getOutputStream();
			out.write(answer.body());
		}
	}
}
