package dev.polyfn.aws.client;

import java.net.URI;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * A service's endpoint as the AWS SDKs choose it ("Service-specific endpoints",
 * https://docs.aws.amazon.com/sdkref/latest/guide/feature-ss-endpoints.html, read 2026-12-07):
 * {@code AWS_ENDPOINT_URL_<SERVICE_ID>} (the service id upper-cased, spaces as underscores: {@code S3}, {@code SQS},
 * {@code SNS}), else {@code AWS_ENDPOINT_URL}, both ignored when {@code AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true};
 * else the region's public endpoint, in the China partition's domain for {@code cn-} regions.
 */
public final class AwsEndpoints {

	private AwsEndpoints() {
	}

	/**
	 * @param serviceId the SDKs' service id ({@code S3}, {@code SQS}, {@code SNS})
	 * @param endpointPrefix the host's first label ({@code s3}, {@code sqs}, {@code sns})
	 */
	public static URI resolve(String serviceId, String endpointPrefix, String region, UnaryOperator<String> environment) {
		if (!"true".equalsIgnoreCase(trimmed(environment.apply("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS")))) {
			String configured = trimmed(environment.apply("AWS_ENDPOINT_URL_" + serviceId.toUpperCase(Locale.ROOT).replace(' ', '_')));
			if (configured == null) {
				configured = trimmed(environment.apply("AWS_ENDPOINT_URL"));
			}
			if (configured != null) {
				return URI.create(configured);
			}
		}
		return URI.create("https://" + endpointPrefix + "." + region + "." + dnsSuffix(region));
	}

	/** {@code amazonaws.com}, or {@code amazonaws.com.cn} in the China regions. */
	public static String dnsSuffix(String region) {
		return region.startsWith("cn-") ? "amazonaws.com.cn" : "amazonaws.com";
	}

	private static String trimmed(String value) {
		return value == null || value.isBlank() ? null : value.trim();
	}
}
