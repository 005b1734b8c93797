package dev.polyfn.azure.host;

import java.net.URI;
import java.util.Map;

import com.microsoft.azure.functions.HttpMethod;
import com.microsoft.azure.functions.HttpRequestMessage;
import com.microsoft.azure.functions.HttpResponseMessage;
import com.microsoft.azure.functions.HttpStatus;
import com.microsoft.azure.functions.HttpStatusType;

	/** The worker's {@code HttpRequestMessageImpl}. */
record WorkerHttpRequest(RpcHttp http, Object body) implements HttpRequestMessage<Object> {

	@Override
	public URI getUri() {
		return URI.create(http.url());
	}

	@Override
	public HttpMethod getHttpMethod() {
		return HttpMethod.value(http.method());
	}

	@Override
	public Map<String, String> getHeaders() {
		return http.headers();
	}

	@Override
	public Map<String, String> getQueryParameters() {
		return http.query();
	}

	@Override
	public Object getBody() {
		return body;
	}

	@Override
	public HttpResponseMessage.Builder createResponseBuilder(HttpStatus status) {
		return new HostHttpResponse.Builder(status);
	}

	@Override
	public HttpResponseMessage.Builder createResponseBuilder(HttpStatusType status) {
		return new HostHttpResponse.Builder(status);
	}
}
