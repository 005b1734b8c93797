package dev.polyfn.conformance.gcp;

import dev.polyfn.conformance.HttpAnswer;
import dev.polyfn.conformance.HttpCall;
import dev.polyfn.conformance.SharedRuntime;
import dev.polyfn.conformance.Target;
import dev.polyfn.gcp.GcpHttpFunction;

/**
 * Cloud Functions HTTP trigger ({@code --entry-point dev.polyfn.gcp.GcpHttpFunction}), called as the Functions
 * Framework calls it: one instance per process, {@code service(HttpRequest, HttpResponse)} per request. An HTTP
 * function receives the request as sent, so there is no event fixture to start from.
 */
public final class GcpHttpTarget implements Target.Http {

	@Override
	public String name() {
		return "GCP HTTP function";
	}

	@Override
	public HttpAnswer call(HttpCall call) throws Exception {
		GcpHttpFunction function = SharedRuntime.entry(null, GcpHttpFunction.class, GcpHttpFunction::new);
		FrameworkHttp.Response response = new FrameworkHttp.Response();
		function.service(new FrameworkHttp.Request(call.method(), call.path(), call.rawQuery(), call.headers(), call.body()),
				response);
		return new HttpAnswer(response.status, response.allHeaders(), response.body.toByteArray());
	}
}
