package dev.polyfn.storage.s3;

import java.util.function.UnaryOperator;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;

import dev.polyfn.core.storage.StorageSettings;

/**
 * The services polyfn-storage-s3 speaks S3 to, and what each one's function runtime hands over. Amazon S3 is left
 * to the SDK's own chains; Alibaba OSS and Tencent COS get the role credentials their runtimes put in the
 * environment, their regional S3-compatible endpoint, virtual-hosted addressing (the only style either accepts) and
 * no CRC checksums or aws-chunked uploads (what the AWS SDK sends by default since 2.30; OSS's own guide for the AWS
 * SDK turns chunked encoding off).
 */
enum S3Service {

	/** The SDK's default chains: Lambda's role credentials, {@code AWS_REGION}, {@code AWS_ENDPOINT_URL_S3}. */
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

	/** Amazon S3 itself: everything the settings leave open is the SDK's to decide. */
	boolean isAmazon() {
		return this == AMAZON_S3;
	}

	/** The settings' region, else the runtime's; null on AWS (the SDK's chain). */
	String region(StorageSettings settings) {
		String region = settings.get("region");
		if (region != null || isAmazon()) {
			return region;
		}
		region = settings.raw(regionVariable);
		if (region == null) {
			throw new IllegalStateException("No region for storage '" + settings.alias() + "' on " + cloud + ": set "
					+ StorageSettings.PREFIX + providerName + ".region (" + StorageSettings.environmentVariable(providerName, "region")
					+ "), e.g. " + (this == ALIBABA_OSS ? "cn-hangzhou" : "ap-guangzhou"));
		}
		return region;
	}

	/** The settings' endpoint, else the region's S3-compatible endpoint; null on AWS (the SDK's). */
	String endpoint(StorageSettings settings, String region) {
		String endpoint = settings.get("endpoint");
		return endpoint != null || isAmazon() ? endpoint : String.format(endpointPattern, region);
	}

	/** The runtime's role credentials, read at each signing (null on AWS: the SDK's default chain). */
	AwsCredentialsProvider credentials(UnaryOperator<String> properties) {
		if (isAmazon()) {
			return null;
		}
		return () -> {
			String id = environment(properties, keyIdVariable);
			String secret = environment(properties, secretVariable);
			if (id == null || secret == null) {
				throw new IllegalStateException("No " + cloud + " credentials: " + keyIdVariable + " and " + secretVariable
						+ " are unset (give the function a role with access to the bucket)");
			}
			String token = environment(properties, tokenVariable);
			return token == null ? AwsBasicCredentials.create(id, secret) : AwsSessionCredentials.create(id, secret, token);
		};
	}

	private static String environment(UnaryOperator<String> properties, String name) {
		String value = properties.apply(name);
		return value == null || value.isBlank() ? null : value.trim();
	}
}
