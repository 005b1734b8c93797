package dev.polyfn.messaging.mns;

/**
 * The key a request is signed with: on FC the function role's STS credentials, which FC puts in
 * {@code ALIBABA_CLOUD_ACCESS_KEY_ID}, {@code ALIBABA_CLOUD_ACCESS_KEY_SECRET} and {@code ALIBABA_CLOUD_SECURITY_TOKEN}
 * ("Configure environment variables", https://www.alibabacloud.com/help/en/functioncompute/fc/environment-variables,
 * read 2026-12-06). The token travels in the {@code security-token} header, the name MNS's SDKs send it under
 * (aliyun-sdk-mns {@code HttpHeaders.SECURITY_TOKEN}); it is not an {@code x-mns-} header, so it is not signed.
 */
record MnsCredentials(String accessKeyId, String accessKeySecret, String securityToken) {

	@Override
	public String toString() {
		return "MnsCredentials[" + accessKeyId + ", secret and token hidden]";
	}
}
