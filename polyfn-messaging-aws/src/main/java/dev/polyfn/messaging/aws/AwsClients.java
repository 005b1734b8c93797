package dev.polyfn.messaging.aws;

import java.net.URI;
import java.time.Duration;

import dev.polyfn.aws.client.AwsCredentialsChain;
import dev.polyfn.aws.client.AwsEndpoints;
import dev.polyfn.aws.client.AwsHttpClient;
import dev.polyfn.aws.client.AwsRegions;
import dev.polyfn.core.messaging.MessagingSettings;

/**
 * Where an alias's SQS or SNS calls go and what signs them. Everything a Lambda function has is found the way every
 * AWS SDK finds it (polyfn-aws-client): the role's credentials from {@code AWS_ACCESS_KEY_ID} /
 * {@code AWS_SECRET_ACCESS_KEY} / {@code AWS_SESSION_TOKEN} (then the container endpoint and the shared files), the
 * region from {@code AWS_REGION} (then {@code AWS_DEFAULT_REGION} and the profile), and an endpoint from
 * {@code AWS_ENDPOINT_URL_SQS} / {@code AWS_ENDPOINT_URL_SNS} or {@code AWS_ENDPOINT_URL} (AWS SDKs and Tools
 * Reference Guide, "Service-specific endpoints", https://docs.aws.amazon.com/sdkref/latest/guide/feature-ss-endpoints.html,
 * read 2026-12-06: the variable is {@code AWS_ENDPOINT_URL_} plus the service id, {@code SQS} and {@code SNS}), else
 * the region's {@code https://sqs.<region>.amazonaws.com} / {@code https://sns.<region>.amazonaws.com}. All of them
 * are read through the alias's settings ({@link MessagingSettings#raw}), which on a cloud are the process's
 * environment. Settings of the alias, or {@code polyfn.messaging.sqs.*} / {@code polyfn.messaging.sns.*} for all:
 * {@code region} and {@code endpoint} instead of those. One record per distinct region and endpoint, the key of a
 * provider's clients.
 */
record AwsClients(String region, URI endpoint) {

	/** A publish on a quiet connection fails after this long rather than hold the invocation. */
	static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(30);

	static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

	/**
	 * The region and endpoint of an alias for a service ({@code serviceId} {@code SQS}, endpoint prefix {@code sqs});
	 * a failure naming the settings when there is no region (outside Lambda, without {@code AWS_REGION}).
	 */
	static AwsClients of(MessagingSettings settings, String serviceId, String endpointPrefix) {
		String region = region(settings);
		if (region == null) {
			throw new IllegalStateException("Messaging '" + settings.alias() + "' has no region for its " + serviceId
					+ " client: set AWS_REGION or " + MessagingSettings.PREFIX + settings.alias() + ".region");
		}
		String configured = settings.get("endpoint");
		URI endpoint = configured != null ? URI.create(configured) : AwsEndpoints.resolve(serviceId, endpointPrefix, region, settings::raw);
		return new AwsClients(region, root(endpoint));
	}

	/** The signed HTTP client of a service ({@code sqs}, {@code sns}: SigV4's signing names) in this region. */
	AwsHttpClient http(String signingName, MessagingSettings settings) {
		return new AwsHttpClient(signingName, region, AwsCredentialsChain.standard(settings::raw), false, CONNECT_TIMEOUT, SOCKET_TIMEOUT);
	}

	/** The region the calls go to: the setting, else the environment's (what Lambda sets in {@code AWS_REGION}), else null. */
	static String region(MessagingSettings settings) {
		String region = settings.get("region");
		return region != null ? region : AwsRegions.fromEnvironment(settings::raw).orElse(null);
	}

	/** Both protocols post to {@code /}: an endpoint without a path gets it, one with a path (behind a proxy) keeps its own. */
	private static URI root(URI endpoint) {
		String path = endpoint.getRawPath();
		return path == null || path.isEmpty() ? endpoint.resolve("/") : endpoint;
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
