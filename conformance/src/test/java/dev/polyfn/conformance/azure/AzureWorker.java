package dev.polyfn.conformance.azure;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.UUID;
import java.util.logging.Logger;

import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.HttpResponseMessage;
import com.microsoft.azure.functions.HttpStatusType;

import dev.polyfn.core.model.Headers;

/**
 * The Azure Functions Java worker's side of an invocation: the {@link ExecutionContext} it passes (invocation id,
 * the Azure function's name, its logger) and the response builder behind
 * {@code HttpRequestMessage.createResponseBuilder}, which keeps one value per header name as the worker does.
 */
public final class AzureWorker {

	private static final Logger LOGGER = Logger.getLogger("Host.Function.Console");

	private AzureWorker() {
	}

	public static ExecutionContext context(String azureFunctionName) {
		ExecutionContext context = mock(ExecutionContext.class);
		when(context.getFunctionName()).thenReturn(azureFunctionName);
		when(context.getInvocationId()).thenReturn(UUID.randomUUID().toString());
		when(context.getLogger()).thenReturn(LOGGER);
		return context;
	}

	public static void answersWithBuilder(com.microsoft.azure.functions.HttpRequestMessage<?> request) {
		when(request.createResponseBuilder(any(HttpStatusType.class))).thenAnswer(call -> new Response(call.getArgument(0)));
	}

	/** The worker's HTTP response: a status, one value per header name, and the body object the function set. */
	static final class Response implements HttpResponseMessage, HttpResponseMessage.Builder {

		private HttpStatusType status;
		private final Headers headers = new Headers();
		private Object body;

		Response(HttpStatusType status) {
			this.status = status;
		}

		@Override
		public HttpResponseMessage.Builder status(HttpStatusType status) {
			this.status = status;
			return this;
		}

		@Override
		public HttpResponseMessage.Builder header(String name, String value) {
			headers.set(name, value);
			return this;
		}

		@Override
		public HttpResponseMessage.Builder body(Object body) {
			this.body = body;
			return this;
		}

		@Override
		public HttpResponseMessage build() {
			return this;
		}

		@Override
		public HttpStatusType getStatus() {
			return status;
		}

		@Override
		public int getStatusCode() {
			return status.value();
		}

		@Override
		public String getHeader(String key) {
			return headers.first(key);
		}

		@Override
		public Object getBody() {
			return body;
		}

		Headers headers() {
			return headers;
		}
	}
}
