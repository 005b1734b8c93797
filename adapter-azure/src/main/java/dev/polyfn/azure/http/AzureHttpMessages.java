package dev.polyfn.azure.http;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.microsoft.azure.functions.HttpRequestMessage;
import com.microsoft.azure.functions.HttpResponseMessage;
import com.microsoft.azure.functions.HttpStatusType;

import dev.polyfn.core.model.Headers;
import dev.polyfn.core.model.PortableHttpRequest;
import dev.polyfn.core.model.PortableHttpResponse;

/** Converts between the Java worker's HTTP messages and polyfn's portable ones. */
public final class AzureHttpMessages {

	private AzureHttpMessages() {
	}

	/**
	 * The portable request, or {@link HostDecodedBody.HostDecodingFailure} (415) for a body the host decoded
	 * lossily. The worker's headers are the host's: names in lower case, one value per name (repeated values
	 * joined with commas by the host's {@code StringValues.ToString()}).
	 */
	public static PortableHttpRequest toPortable(HttpRequestMessage<Optional<String>> request) {
		URI uri = request.getUri();
		Headers headers = new Headers();
		Map<String, String> given = request.getHeaders();
		if (given != null) {
			given.forEach(headers::add);
		}
		byte[] body = HostDecodedBody.bytes(headers.first("Content-Type"), request.getBody());
		return PortableHttpRequest.builder()
				.method(request.getHttpMethod() == null ? "GET" : request.getHttpMethod().name())
				.path(uri == null || uri.getRawPath() == null ? "/" : uri.getRawPath())
				.rawQuery(uri == null ? "" : uri.getRawQuery())
				.headers(headers)
				.body(body)
				.build();
	}

	/**
	 * The worker's response. The worker keeps one value per header name, so repeated values are joined with a
	 * comma as HTTP allows, except {@code Set-Cookie}, whose values cannot be joined: its first value is kept.
	 */
	public static HttpResponseMessage toAzure(PortableHttpResponse response, HttpRequestMessage<?> request) {
		HttpResponseMessage.Builder builder = request.createResponseBuilder(HttpStatusType.custom(response.status()));
		response.headers().forEach((name, values) -> builder.header(name, joined(name, values)));
		if (response.body().length > 0) {
			builder.body(response.body());
		}
		return builder.build();
	}

	private static String joined(String name, List<String> values) {
		return "set-cookie".equalsIgnoreCase(name) || values.size() == 1 ? values.get(0) : String.join(", ", values);
	}
}
