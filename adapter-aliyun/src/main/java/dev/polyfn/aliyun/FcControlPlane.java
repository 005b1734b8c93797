package dev.polyfn.aliyun;

import dev.polyfn.core.model.PortableHttpRequest;

/**
 * Tells FC's control-plane calls ({@code /invoke}, {@code /initialize}, {@code /pre-stop}, {@code /pre-freeze})
 * from user HTTP traffic that happens to use those paths. FC's custom-runtime contract (checked 2026-12-01):
 * every request FC sends carries {@code x-fc-control-path}: {@code /invoke} for an event invocation,
 * {@code /initialize} for the Initializer, {@code /http-invoke} for a passed-through HTTP request
 * (help.aliyun.com/en/functioncompute/fc-2-0/user-guide/custom-runtime-specification-details and
 * www.alibabacloud.com/help/doc-detail/191345.htm); clients cannot send {@code x-fc-*} headers through an HTTP
 * trigger (help.aliyun.com/en/functioncompute/web-functions, "Limits"). So a request marked {@code /http-invoke}
 * is user traffic whatever its path, a marked control call must be marked with its own path, and an unmarked
 * request did not come through FC's HTTP front (a local run, or a hook whose marker FC does not document).
 */
final class FcControlPlane {

	static final String CONTROL_PATH = "x-fc-control-path";
	static final String HTTP_INVOKE = "/http-invoke";

	private FcControlPlane() {
	}

	static boolean isControlCall(PortableHttpRequest request, String method, String path) {
		if (!method.equals(request.method()) || !path.equals(request.path())) {
			return false;
		}
		String marker = request.headers().first(CONTROL_PATH);
		return marker == null || marker.equals(path);
	}
}
