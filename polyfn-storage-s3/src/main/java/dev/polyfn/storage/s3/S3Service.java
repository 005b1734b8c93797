package dev.polyfn.storage.s3;

import java.util.function.UnaryOperator;

import dev.polyfn.aws.client.AwsClientException;
import dev.polyfn.aws.client.AwsCredentials;
import dev.polyfn.aws.client.AwsCredentialsChain;
import dev.polyfn.aws.client.AwsCredentialsSource;
import dev.polyfn.aws.client.AwsEndpoints;
import dev.polyfn.aws.client.AwsRegions;
import dev.polyfn.core.storage.StorageSettings;

/**
 * The services polyfn-storage-s3 speaks S3 to, and what each one's function runtime hands over. Amazon S3 gets the
 * AWS SDKs' own chains (polyfn-aws-client: Lambda's role credentials, {@code AWS_REGION},
 * {@code AWS_ENDPOINT_URL_S3}); Alibaba OSS and Tencent COS get the role credentials their runtimes put in the
 * environment, their regional S3-compatible endpoint and virtual-hosted addressing (the only style either accepts).
 *
 * <p>All three get the same requests: AWS Signature Version 4 with the body's SHA-256 signed in
 * {@code x-amz-content-sha256}, never {@code UNSIGNED-PAYLOAD}, CRC checksums or {@code aws-chunked} bodies. OSS
 * requires the signed hash: "If POST or PUT is used as the HTTP method, the value of the X-Amz-Content-SHA256
 * parameter is the SHA-256 value of the uploaded content" (OSS error 0002-00000427,
 * https://www.alibabacloud.com/help/en/oss/support/0002-00000427, updated 2025-03-27, read 2026-12-07), and
 * aws-chunked needs {@code STREAMING-AWS4-HMAC-SHA256-PAYLOAD} (OSS error 0017-00000804,
 * https://www.alibabacloud.com/help/en/oss/user-guide/0017-00000804, read 2026-12-07). COS serves the AWS SDKs'
 * SigV4 requests with only the endpoint changed ("Accessing COS with AWS S3 SDK",
 * https://tencentcloud.com/document/product/436/32537, updated 2025-01-24, read 2026-12-07), and a signed payload is
 * the form every SigV4 server checks.
 */
enum S3Service {

	/** The AWS SDKs' chains: Lambda's role credentials, {@code AWS_REGION}, {@code AWS_ENDPOINT_URL_S3}. */
	AMAZON_S3("s3", "aws", null, null, null, null, null),

	/**
	 * OSS from Function Compute: the execution role's STS credentials in {@code ALIBABA_CLOUD_ACCESS_KEY_ID},
	 * {@code ALIBABA_CLOUD_ACCESS_KEY_SECRET}, {@code ALIBABA_CLOUD_SECURITY_TOKEN} (FC 3.0, "Configure environment
	 * variables", https://www.alibabacloud.com/help/en/functioncompute/fc/environment-variables, updated 2026-04-15)
	 * and the S3-compatible endpoint of the function's region ("Use AWS SDKs to access OSS",
	 * https://help.aliyun.com/en/oss/developer-reference/use-aws-sdks-to-access-oss, read 2026-12-04).
	 */
	ALIBABA_OSS("oss", "aliyun", "ALIBABA_CLOUD_ACCESS_KEY_ID", "ALIBABA_CLOUD_ACCESS_KEY_SECRET",
			"ALIBABA_CLOUD_SECURITY_TOKEN", "FC_REGION", "https://s3.oss-%s-internal.aliyuncs.com"),

	/**
	 * COS from SCF: the execution role's temporary keys in {@code TENCENTCLOUD_SECRETID},
	 * {@code TENCENTCLOUD_SECRETKEY}, {@code TENCENTCLOUD_SESSIONTOKEN} (SCF, "Environment Variables",
	 * https://www.tencentcloud.com/document/product/583/32748, updated 2024-12-02) and the region's COS endpoint,
	 * buckets virtual-hosted as {@code <name>-<appid>.cos.<region>.myqcloud.com} (COS, "Bucket domain name usage",
	 * https://tencentcloud.com/document/product/436/57456: no path style for buckets made since 2024-01-01).
	 */
	TENCENT_COS("cos", "tencent", "TENCENTCLOUD_SECRETID", "TENCENTCLOUD_SECRETKEY", "TENCENTCLOUD_SESSIONTOKEN",
			"TENCENTCLOUD_REGION", "https://cos.%s.myqcloud.com");

	final String providerName;
	final String cloud;
	private final String keyIdVariable;
	private final String secretVariable;
	private final String tokenVariable;
	private final String regionVariable;
	private final String endpointPattern;

	S3Service(String providerName, String cloud, String keyIdVariable, String secretVariable, String tokenVariable,
			String regionVariable, String endpointPattern) {
		this.providerName = providerName;
		this.cloud = cloud;
		this.keyIdVariable = keyIdVariable;
		this.secretVariable = secretVariable;
		this.tokenVariable = tokenVariable;
		this.regionVariable = regionVariable;
		this.endpointPattern = endpointPattern;
	}

	/** Amazon S3 itself: everything the settings leave open is found as the AWS SDKs find it. */
	boolean isAmazon() {
		return this == AMAZON_S3;
	}

	/** The settings' region, else the runtime's ({@code AWS_REGION} and the SDKs' chain on AWS). */
	String region(StorageSettings settings) {
		String region = settings.get("region");
		if (region != null) {
			return region;
		}
		region = isAmazon() ? AwsRegions.fromEnvironment(settings.properties()).orElse(null) : settings.raw(regionVariable);
		if (region == null && isAmazon()) {
			throw new IllegalStateException("No region for storage '" + settings.alias() + "': AWS_REGION is unset (Lambda sets it); set "
					+ StorageSettings.PREFIX + providerName + ".region (" + StorageSettings.environmentVariable(providerName, "region")
					+ "), e.g. us-east-1");
		}
		if (region == null) {
			throw new IllegalStateException("No region for storage '" + settings.alias() + "' on " + cloud + ": set "
					+ StorageSettings.PREFIX + providerName + ".region (" + StorageSettings.environmentVariable(providerName, "region")
					+ "), e.g. " + (this == ALIBABA_OSS ? "cn-hangzhou" : "ap-guangzhou"));
		}
		return region;
	}

	/**
	 * The settings' endpoint, else the region's S3-compatible endpoint; on AWS {@code AWS_ENDPOINT_URL_S3}, else
	 * {@code AWS_ENDPOINT_URL}, else {@code https://s3.<region>.amazonaws.com} (AWS SDKs and Tools Reference Guide,
	 * "Service-specific endpoints", https://docs.aws.amazon.com/sdkref/latest/guide/feature-ss-endpoints.html, read
	 * 2026-12-07).
	 */
	String endpoint(StorageSettings settings, String region) {
		String endpoint = settings.get("endpoint");
		if (endpoint != null) {
			return endpoint;
		}
		return isAmazon() ? AwsEndpoints.resolve("S3", "s3", region, settings.properties()).toString()
				: String.format(endpointPattern, region);
	}

	/** The runtime's role credentials, read at each signing (on AWS the SDKs' chain, cached until near expiry). */
	AwsCredentialsSource credentials(UnaryOperator<String> properties) {
		if (isAmazon()) {
			return AwsCredentialsChain.standard(properties);
		}
		return () -> {
			String id = environment(properties, keyIdVariable);
			String secret = environment(properties, secretVariable);
			if (id == null || secret == null) {
				throw new AwsClientException("No " + cloud + " credentials: " + keyIdVariable + " and " + secretVariable
						+ " are unset (give the function a role with access to the bucket)");
			}
			return AwsCredentials.of(id, secret, environment(properties, tokenVariable));
		};
	}

	private static String environment(UnaryOperator<String> properties, String name) {
		String value = properties.apply(name);
		return value == null || value.isBlank() ? null : value.trim();
	}
}
