package dev.polyfn.aliyun;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import dev.polyfn.core.invoke.InvocationContext;
import dev.polyfn.core.model.PortableHttpRequest;

/**
 * What FC says about one request, read from its {@code x-fc-*} headers, and the start/end lines FC's console
 * and log search read ({@code FC Invoke Start RequestId: <id>}). The temporary credentials FC also sends
 * ({@code x-fc-access-key-id}, {@code x-fc-access-key-secret}, {@code x-fc-security-token}) are never copied
 * into the context or the logs.
 */
final class FcInvocation {

	static final String CLOUD = "aliyun";
	static final String REQUEST_ID = "x-fc-request-id";
	static final String FUNCTION_NAME = "x-fc-function-name";
	/** FC's marker of a failed invocation on {@code /invoke} answers: 200 succeeded, 404 failed. */
	static final String STATUS = "x-fc-status";

	/** The headers that describe the function and the delivery; they reach the function as Message headers. */
	static final List<String> CONTEXT_HEADERS = List.of(FUNCTION_NAME, "x-fc-function-memory",
			"x-fc-function-timeout", "x-fc-region", "x-fc-account-id", "x-fc-retry-count", "x-fc-qualifier");

	private static final Logger log = LoggerFactory.getLogger(FcInvocation.class);

	private static final String FUNCTION_NAME_FROM_ENV = System.getenv("FC_FUNCTION_NAME");

	private FcInvocation() {
	}

	static InvocationContext context(PortableHttpRequest request) {
		String functionName = request.headers().first(FUNCTION_NAME);
		InvocationContext context = InvocationContext.of(CLOUD, request.headers().first(REQUEST_ID),
				functionName != null ? functionName : FUNCTION_NAME_FROM_ENV);
		for (String header : CONTEXT_HEADERS) {
			context = context.with(header, request.headers().first(header));
		}
		return context;
	}

	static void started(String phase, InvocationContext context) {
		MDC.put("requestId", context.requestId());
		log.info("FC {} Start RequestId: {}", phase, context.requestId());
	}

	static void ended(String phase, InvocationContext context) {
		log.info("FC {} End RequestId: {}", phase, context.requestId());
		MDC.remove("requestId");
	}
}
