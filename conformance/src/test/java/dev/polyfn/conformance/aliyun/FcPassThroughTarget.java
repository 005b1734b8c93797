package dev.polyfn.conformance.aliyun;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

import dev.polyfn.conformance.HttpAnswer;
import dev.polyfn.conformance.HttpCall;
import dev.polyfn.conformance.Target;
import dev.polyfn.core.model.Headers;

/**
 * An FC 3.0 HTTP trigger on a custom-runtime function: FC passes the request through as it came (method, path,
 * query, headers, body) and adds its {@code x-fc-*} headers, credentials included.
 */
public final class FcPassThroughTarget implements Target.Http {

	@Override
	public String name() {
		return "Alibaba FC HTTP (pass-through)";
	}

	@Override
	public HttpAnswer call(HttpCall call) throws Exception {
		String query = call.rawQuery();
		HttpRequest.Builder request = HttpRequest.newBuilder(
				URI.create(FcServer.base(null) + call.path() + (query.isEmpty() ? "" : "?" + query)));
		FcServer.FC_HEADERS.forEach(request::header);
		request.header("x-fc-request-id", UUID.randomUUID().toString());
		call.headers().forEach((name, values) -> values.forEach(v -> request.header(name, v)));
		request.method(call.method(), HttpRequest.BodyPublishers.ofByteArray(call.body()));
		HttpResponse<byte[]> response = FcServer.client().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
		return new HttpAnswer(response.statusCode(), Headers.of(response.headers().map()), response.body());
	}
}
