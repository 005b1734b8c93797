package dev.polyfn.azure;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.HttpMethod;
import com.microsoft.azure.functions.HttpRequestMessage;
import com.microsoft.azure.functions.HttpResponseMessage;
import com.microsoft.azure.functions.HttpStatusType;

import dev.polyfn.azure.testapp.AzureTestApplication;
import dev.polyfn.core.boot.PolyfnRuntime;

/** The worker's side of an invocation, mocked: ExecutionContext, HttpRequestMessage and its response builder. */
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

	/** An ExecutionContext whose logger keeps what was logged. */
	static final class Invocation {

		final ExecutionContext context = mock(ExecutionContext.class);
		final List<LogRecord> logged = new CopyOnWriteArrayList<>();

		Invocation(String functionName, String invocationId) {
			Logger logger = Logger.getAnonymousLogger();
			logger.setUseParentHandlers(false);
			logger.addHandler(new Handler() {
				@Override
				public void publish(LogRecord record) {
					logged.add(record);
				}

				@Override
				public void flush() {
				}

				@Override
				public void close() {
				}
			});
			when(context.getFunctionName()).thenReturn(functionName);
			when(context.getInvocationId()).thenReturn(invocationId);
			when(context.getLogger()).thenReturn(logger);
		}
	}

	@SuppressWarnings("unchecked")
	static HttpRequestMessage<Optional<byte[]>> request(String method, String url, Map<String, String> headers,
			byte[] body) {
		HttpRequestMessage<Optional<byte[]>> request = mock(HttpRequestMessage.class);
		when(request.getHttpMethod()).thenReturn(HttpMethod.value(method));
		when(request.getUri()).thenReturn(URI.create(url));
		when(request.getHeaders()).thenReturn(headers);
		when(request.getBody()).thenReturn(Optional.ofNullable(body));
		when(request.createResponseBuilder(any(HttpStatusType.class)))
				.thenAnswer(call -> new Response.Builder(call.getArgument(0)));
		return request;
	}

	/** What the worker's own builder produces, minus the transport. */
	record Response(HttpStatusType status, Map<String, String> headers, Object body) implements HttpResponseMessage {

		@Override
		public HttpStatusType getStatus() {
			return status;
		}

		@Override
		public String getHeader(String name) {
			return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue)
					.findFirst().orElse(null);
		}

		@Override
		public Object getBody() {
			return body;
		}

		byte[] bytes() {
			return body == null ? new byte[0] : (byte[]) body;
		}

		String text() {
			return new String(bytes(), java.nio.charset.StandardCharsets.UTF_8);
		}

		static final class Builder implements HttpResponseMessage.Builder {

			private HttpStatusType status;
			private final Map<String, String> headers = new LinkedHashMap<>();
			private Object body;

			Builder(HttpStatusType status) {
				this.status = status;
			}

			@Override
			public HttpResponseMessage.Builder status(HttpStatusType status) {
				this.status = status;
				return this;
			}

			@Override
			public HttpResponseMessage.Builder header(String name, String value) {
				headers.put(name, value);
				return this;
			}

			@Override
			public HttpResponseMessage.Builder body(Object body) {
				this.body = body;
				return this;
			}

			@Override
			public HttpResponseMessage build() {
				return new Response(status, Map.copyOf(headers), body);
			}
		}
	}
}
