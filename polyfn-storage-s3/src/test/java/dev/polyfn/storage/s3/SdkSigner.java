package dev.polyfn.storage.s3;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * The AWS SDK's own SigV4 signer (test scope), as S3's client sets it up (no second encoding or normalisation of the
 * path), applied to a request as a server received it: the headers the request signed, at the time it says.
 */
final class SdkSigner {

	private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

	private SdkSigner() {
	}

	static String authorization(ScriptedS3.Received received, byte[] body, String accessKey, String secretKey) {
		Map<String, List<String>> headers = received.headers();
		String ours = first(headers, "Authorization");
		String signed = ours.substring(ours.indexOf("SignedHeaders=") + "SignedHeaders=".length(), ours.indexOf(", Signature="));
		URI uri = URI.create("http://" + first(headers, "Host") + received.uri().getRawPath()
				+ (received.uri().getRawQuery() == null ? "" : "?" + received.uri().getRawQuery()));
		SdkHttpRequest.Builder request = SdkHttpRequest.builder().method(SdkHttpMethod.fromValue(received.method())).uri(uri);
		for (String name : signed.split(";")) {
			if (!name.equals("host")) {
				request.putHeader(name, first(headers, name));
			}
		}
		Instant at = Instant.from(AMZ_DATE.parse(first(headers, "X-Amz-Date")));
		return AwsV4HttpSigner.create().sign(r -> r.identity(AwsCredentialsIdentity.create(accessKey, secretKey)).request(request.build())
				.payload(ContentStreamProvider.fromByteArray(body))
				.putProperty(AwsV4FamilyHttpSigner.SERVICE_SIGNING_NAME, "s3")
				.putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
				.putProperty(AwsV4FamilyHttpSigner.DOUBLE_URL_ENCODE, false)
				.putProperty(AwsV4FamilyHttpSigner.NORMALIZE_PATH, false)
				.putProperty(HttpSigner.SIGNING_CLOCK, Clock.fixed(at, ZoneOffset.UTC)))
			.request().firstMatchingHeader("Authorization").orElseThrow();
	}

	/** A header as com.sun.net.httpserver keeps it (first letter upper case, the rest lower case). */
	private static String first(Map<String, List<String>> headers, String name) {
		return headers.entrySet().stream().filter(e -> e.getKey().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT)))
			.map(e -> e.getValue().get(0)).findFirst().orElseThrow(() -> new AssertionError("no " + name + " header arrived"));
	}
}
