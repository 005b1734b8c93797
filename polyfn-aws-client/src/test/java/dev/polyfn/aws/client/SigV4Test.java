package dev.polyfn.aws.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

class SigV4Test {

	private static final Instant NOW = Instant.parse("2015-08-30T12:36:00Z");
	private static final AwsCredentials EXAMPLE_KEYS = AwsCredentials.of("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", null);

	/**
	 * AWS's SigV4 test suite, case get-vanilla (aws-sig-v4-test-suite, the signature its .authz file gives); the suite
	 * signs no x-amz-content-sha256, so it is left out here to compare.
	 */
	@Test
	void signsTheTestSuitesVanillaGetAsAwsPublishesIt() {
		Map<String, String> signed = new SigV4("service", "us-east-1", false).sign("GET", URI.create("https://example.amazonaws.com/"),
				Map.of(), SigV4.sha256Hex(new byte[0]), EXAMPLE_KEYS, NOW, false);

		assertThat(signed.get("Authorization")).isEqualTo("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, "
				+ "SignedHeaders=host;x-amz-date, Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31");
	}

	@Test
	void signsAnS3PutWithMetadataAndASessionTokenAsTheSdkDoes() {
		AwsCredentials temporary = AwsCredentials.of("ASIAEXAMPLE", "secret/with+chars", "token==");
		byte[] body = "hello".getBytes(StandardCharsets.UTF_8);
		URI uri = URI.create("https://my-bucket.s3.eu-west-1.amazonaws.com/uploads/a%20cat%2B%C3%A9.png");
		Map<String, List<String>> headers = new LinkedHashMap<>();
		headers.put("Content-Type", List.of("image/png"));
		headers.put("x-amz-meta-Owner", List.of("  Jane   Doe "));

		Map<String, String> ours = new SigV4("s3", "eu-west-1", true).sign("PUT", uri, headers, SigV4.sha256Hex(body), temporary, NOW);

		assertThat(ours.get("Authorization")).isEqualTo(sdkSignature("PUT", uri, headers, body, temporary, "s3", "eu-west-1", true));
	}

	@Test
	void signsAQueryWhoseNamesSortDifferentlyFromTheirPairsAsTheSdkDoes() {
		URI uri = URI.create("https://my-bucket.s3.us-east-1.amazonaws.com/?list-type=2&prefix=logs%2F2026&a0=x&a=y&continuation-token=1%2B2%3D");

		Map<String, String> ours = new SigV4("s3", "us-east-1", true).sign("GET", uri, Map.of(), SigV4.sha256Hex(new byte[0]), EXAMPLE_KEYS, NOW);

		assertThat(ours.get("Authorization")).isEqualTo(sdkSignature("GET", uri, Map.of(), new byte[0], EXAMPLE_KEYS, "s3", "us-east-1", true));
	}

	@Test
	void encodesAnotherServicesPathTwiceAsTheSdkDoes() {
		URI uri = URI.create("http://127.0.0.1:4566/123456789012/my%20queue");
		byte[] body = "{\"QueueUrl\":\"x\"}".getBytes(StandardCharsets.UTF_8);
		Map<String, List<String>> headers = Map.of("Content-Type", List.of("application/x-amz-json-1.0"), "X-Amz-Target",
				List.of("AmazonSQS.SendMessage"));

		Map<String, String> ours = new SigV4("sqs", "us-east-1", false).sign("POST", uri, headers, SigV4.sha256Hex(body), EXAMPLE_KEYS, NOW);

		assertThat(ours.get("Authorization")).isEqualTo(sdkSignature("POST", uri, headers, body, EXAMPLE_KEYS, "sqs", "us-east-1", false));
	}

	@Test
	void sendsTheSessionTokenAndTheS3PayloadHashAsHeaders() {
		Map<String, String> signed = new SigV4("s3", "us-east-1", true).sign("GET", URI.create("https://b.s3.amazonaws.com/k"), Map.of(),
				SigV4.UNSIGNED_PAYLOAD, AwsCredentials.of("id", "secret", "the-token"), NOW);

		assertThat(signed).containsEntry("X-Amz-Security-Token", "the-token").containsEntry("x-amz-content-sha256", "UNSIGNED-PAYLOAD")
				.containsEntry("X-Amz-Date", "20150830T123600Z");
	}

	@Test
	void keepsOnlyUnreservedCharactersAndOptionallySlashes() {
		assertThat(SigV4.uriEncode("a b+c/é~_-.*", false)).isEqualTo("a%20b%2Bc/%C3%A9~_-.%2A");
		assertThat(SigV4.uriEncode("a/b", true)).isEqualTo("a%2Fb");
	}

	@Test
	void signsTheHostWithAPortOnlyWhenItIsNotTheSchemesDefault() {
		assertThat(SigV4.host(URI.create("http://127.0.0.1:9000/x"))).isEqualTo("127.0.0.1:9000");
		assertThat(SigV4.host(URI.create("https://S3.amazonaws.com:443/x"))).isEqualTo("s3.amazonaws.com");
	}

	private static String sdkSignature(String method, URI uri, Map<String, List<String>> headers, byte[] body, AwsCredentials credentials,
			String service, String region, boolean s3) {
		SdkHttpRequest.Builder request = SdkHttpRequest.builder().method(SdkHttpMethod.fromValue(method)).uri(uri);
		headers.forEach((name, values) -> values.forEach(value -> request.appendHeader(name, value)));
		AwsCredentialsIdentity identity = credentials.sessionToken() == null
				? AwsCredentialsIdentity.create(credentials.accessKeyId(), credentials.secretAccessKey())
				: AwsSessionCredentialsIdentity.create(credentials.accessKeyId(), credentials.secretAccessKey(), credentials.sessionToken());
		// S3's rule as the SDK's S3 client sets it: no second encoding or normalisation of the path.
		SignedRequest signed = AwsV4HttpSigner.create().sign(r -> r.identity(identity).request(request.build())
				.payload(ContentStreamProvider.fromByteArray(body))
				.putProperty(AwsV4FamilyHttpSigner.SERVICE_SIGNING_NAME, service)
				.putProperty(AwsV4HttpSigner.REGION_NAME, region)
				.putProperty(AwsV4FamilyHttpSigner.DOUBLE_URL_ENCODE, !s3)
				.putProperty(AwsV4FamilyHttpSigner.NORMALIZE_PATH, !s3)
				.putProperty(HttpSigner.SIGNING_CLOCK, Clock.fixed(NOW, ZoneOffset.UTC)));
		return signed.request().firstMatchingHeader("Authorization").orElseThrow();
	}
}
