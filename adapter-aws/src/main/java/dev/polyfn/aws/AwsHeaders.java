package dev.polyfn.aws;

import dev.polyfn.core.invoke.PolyfnHeaders;

/** Message headers the AWS adapter adds for functions that take {@code Message<T>}. */
public final class AwsHeaders {

	/**
	 * The Lambda {@code com.amazonaws.services.lambda.runtime.Context} of the invocation (remaining time,
	 * ARN, log group). Named with the pipeline prefix so it never becomes an HTTP response header.
	 */
	public static final String LAMBDA_CONTEXT = PolyfnHeaders.PREFIX + "aws-lambda-context";

	/** MDC keys under which the Lambda request id and X-Ray trace id are logged (Lambda's own names). */
	public static final String MDC_REQUEST_ID = "AWSRequestId";
	public static final String MDC_TRACE_ID = "AWS-XRAY-TRACE-ID";

	private AwsHeaders() {
	}
}
