package dev.polyfn.azure.host;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.StringJoiner;
import java.util.UUID;

import dev.polyfn.core.model.Headers;
import dev.polyfn.core.model.QueryString;

/**
 * The Functions host in front of a custom handler with {@code enableForwardingHttpRequest: true}, from
 * azure-functions-host {@code DefaultHttpWorkerService.ProcessHttpInAndOutInvocationRequest} and
 * {@code HttpRequestExtensions.ToHttpRequestMessage}: the request goes to {@code http://127.0.0.1:<port>} at the
 * client's absolute path; the query is rebuilt from the parsed query ({@code QueryHelpers.AddQueryString}, so a
 * repeated parameter arrives once, its values joined with commas); every client header is copied; the body is
 * the client's bytes, copied only when Content-Length is above zero, with its Content-Type; and the host adds
 * {@code x-azure-functions-hostversion}, {@code x-azure-functions-invocationid} and its User-Agent.
 */
public final class ForwardingHost {

	public static final String HOST_VERSION = "4.1044.0.0";

	/** What java.net.http sets itself and refuses to be given. */
	private static final Set<String> TRANSPORT_HEADERS = Set.of("host", "content-length", "connection", "expect",
			"upgrade", "user-agent");

	private static final HttpClient CLIENT = HttpClient.newHttpClient();

	private final String base;

	public ForwardingHost(int port) {
		this.base = "http://127.0.0.1:" + port;
	}

	/** The readiness probe the host repeats until the handler answers anything ({@code IsWorkerReady}). */
	public HttpResponse<byte[]> ping() throws Exception {
		return CLIENT.send(HttpRequest.newBuilder(URI.create(base + "/")).GET().build(),
				HttpResponse.BodyHandlers.ofByteArray());
	}

	/** A client request to the function app at {@code path} ({@code /api/<route>}), as the host forwards it. */
	public HttpResponse<byte[]> forward(String method, String path, String rawQuery, Headers headers, byte[] body)
			throws Exception {
		String invocationId = UUID.randomUUID().toString();
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path + rebuiltQuery(rawQuery)));
		headers.forEach((name, values) -> {
			if (!TRANSPORT_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
				values.forEach(value -> request.header(name, value));
			}
		});
		request.header("x-azure-functions-hostversion", HOST_VERSION);
		request.header("x-azure-functions-invocationid", invocationId);
		request.header("User-Agent", "AzureFunctionsHost/" + HOST_VERSION);
		request.method(method, body.length > 0 ? HttpRequest.BodyPublishers.ofByteArray(body)
				: HttpRequest.BodyPublishers.noBody());
		return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	/** {@code QueryHelpers.AddQueryString(uri, GetQueryCollectionAsDictionary())}: one key, values comma-joined. */
	static String rebuiltQuery(String rawQuery) {
		if (rawQuery == null || rawQuery.isEmpty()) {
			return "";
		}
		StringJoiner query = new StringJoiner("&", "?", "");
		QueryString.parse(rawQuery).forEach((name, values) -> query.add(escape(name) + "=" + escape(joined(values))));
		return query.toString();
	}

	private static String joined(List<String> values) {
		return String.join(",", values);
	}

	private static String escape(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
	}
}
