package dev.polyfn.messaging.aws;

import java.net.URI;
import java.time.Duration;

import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;

import dev.polyfn.core.messaging.MessagingSettings;

/**
 * What the SQS and SNS clients are built with. Everything a Lambda function has is left to the SDK's own defaults,
 * so it finds what Lambda hands over the way every AWS SDK does: the role's credentials from
 * {@code AWS_ACCESS_KEY_ID}/{@code AWS_SECRET_ACCESS_KEY}/{@code AWS_SESSION_TOKEN} (default credentials chain), the
 * region from {@code AWS_REGION}, and an endpoint from {@code AWS_ENDPOINT_URL_SQS} / {@code AWS_ENDPOINT_URL_SNS}
 * or {@code AWS_ENDPOINT_URL}, which SDK for Java 2.x reads itself (AWS SDKs and Tools Reference Guide,
 * "Service-specific endpoints", https://docs.aws.amazon.com/sdkref/latest/guide/feature-ss-endpoints.html, read
 * 2026-12-06: the variable is {@code AWS_ENDPOINT_URL_} plus the service id, {@code SQS} and {@code SNS}). Settings of
 * the alias, or {@code polyfn.messaging.sqs.*} / {@code polyfn.messaging.sns.*} for all: {@code region} and
 * {@code endpoint} instead of the SDK's.
 */
record AwsClients(String region, String endpoint) {

	/** A publish on a quiet connection fails after this long rather than hold the invocation. */
	static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(30);

	static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

	static AwsClients of(MessagingSettings settings) {
		return new AwsClients(settings.get("region"), settings.get("endpoint"));
	}

	/** The JDK's HttpURLConnection (url-connection-client: the fewest classes at a cold start), and the settings' overrides. */
	<B extends AwsClientBuilder<B, ?> & SdkSyncClientBuilder<B, ?>> B configure(B builder) {
		builder.httpClientBuilder(UrlConnectionHttpClient.builder().connectionTimeout(CONNECT_TIMEOUT).socketTimeout(SOCKET_TIMEOUT));
		if (region != null) {
			builder.region(Region.of(region));
		}
		if (endpoint != null) {
			builder.endpointOverride(URI.create(endpoint));
		}
		return builder;
	}

	/** The client, or a failure naming the settings when the SDK finds no region (outside Lambda, without AWS_REGION). */
	static <C> C built(MessagingSettings settings, java.util.function.Supplier<C> build) {
		try {
			return build.get();
		}
		catch (software.amazon.awssdk.core.exception.SdkClientException noRegion) {
			throw new IllegalStateException("Messaging '" + settings.alias() + "' could not make its " + settings.provider().toUpperCase(java.util.Locale.ROOT)
					+ " client (no region?): set AWS_REGION or " + MessagingSettings.PREFIX + settings.alias() + ".region", noRegion);
		}
	}

	/** The region the client uses: the setting, else {@code AWS_REGION} (what Lambda sets), else null. */
	static String region(MessagingSettings settings) {
		String region = settings.get("region");
		return region != null ? region : settings.raw("AWS_REGION");
	}

	/** {@code max-message-size} in bytes, within what the service can be set to, else the default. */
	static long maxMessageSize(MessagingSettings settings, long fallback, long serviceMaximum) {
		String configured = settings.get("max-message-size");
		if (configured == null) {
			return fallback;
		}
		long bytes;
		try {
			bytes = Long.parseLong(configured);
		}
		catch (NumberFormatException notANumber) {
			bytes = -1;
		}
		if (bytes < 1024 || bytes > serviceMaximum) {
			throw new IllegalStateException(MessagingSettings.PREFIX + settings.alias() + ".max-message-size is a number of bytes from 1024 to "
					+ serviceMaximum + ", not '" + configured + "'");
		}
		return bytes;
	}
}
