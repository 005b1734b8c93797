package dev.polyfn.core.invoke;

import java.util.Set;

/**
 * Message header names the pipeline sets for functions that take {@code Message<T>}, and reads from
 * {@code Message} results. Names with the {@code polyfn-} prefix never leave as HTTP response headers.
 */
public final class PolyfnHeaders {

	public static final String PREFIX = "polyfn-";

	/** The cloud's id of this invocation (Lambda request id, Azure invocation id, FC/SCF request id...). */
	public static final String REQUEST_ID = "polyfn-request-id";

	/** The cloud's name of the deployed function (not the bean name). */
	public static final String FUNCTION_NAME = "polyfn-function-name";

	/** Which target runs the function: web, aws, azure, gcp, aliyun, tencent. */
	public static final String CLOUD = "polyfn-cloud";

	/** The bean definition being run, e.g. {@code uppercase|reverse}. */
	public static final String DEFINITION = "polyfn-definition";

	public static final String HTTP_METHOD = "polyfn-http-method";
	public static final String HTTP_PATH = "polyfn-http-path";
	public static final String HTTP_QUERY = "polyfn-http-query";

	/** Decoded query parameters as {@code Map<String, List<String>>}. */
	public static final String HTTP_QUERY_PARAMS = "polyfn-http-query-params";

	/** Request headers as {@code Map<String, List<String>>}, every value of a multi-value header kept. */
	public static final String HTTP_HEADERS = "polyfn-http-headers";

	/** Set on a {@code Message} result to choose the HTTP status. */
	public static final String HTTP_STATUS = "polyfn-http-status";

	/** Headers of Spring's own that are never HTTP response headers. */
	static final Set<String> SPRING_INTERNAL = Set.of("id", "timestamp", "contentType", "content-type",
			"scf-func-name", "scf_func_name", "spring.cloud.function.definition", "target-protocol");

	private PolyfnHeaders() {
	}
}
