package dev.polyfn.storage.s3;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.util.unit.DataSize;

import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

import dev.polyfn.core.storage.ObjectStorage;
import dev.polyfn.core.storage.ObjectStorageProvider;
import dev.polyfn.core.storage.StorageSettings;

/**
 * {@code provider=s3}, and the default on AWS. Everything a Lambda function has is left to the SDK's own defaults,
 * so it finds what Lambda hands over the way every AWS SDK does: the role's credentials from
 * {@code AWS_ACCESS_KEY_ID}/{@code AWS_SECRET_ACCESS_KEY}/{@code AWS_SESSION_TOKEN} (default credentials chain),
 * the region from {@code AWS_REGION}, and an endpoint from {@code AWS_ENDPOINT_URL_S3} or {@code AWS_ENDPOINT_URL}
 * (AWS SDKs and Tools Reference Guide, "Service-specific endpoints",
 * https://docs.aws.amazon.com/sdkref/latest/guide/feature-ss-endpoints.html, read 2026-12-03). Settings of the
 * alias (or {@code polyfn.storage.s3.*} for all):
 * <ul>
 * <li>{@code region}: instead of the SDK's region chain;</li>
 * <li>{@code endpoint}: instead of the SDK's endpoint (a local server, a VPC endpoint);</li>
 * <li>{@code path-style}: {@code true} for servers that serve buckets as a path, not a host name (local servers);</li>
 * <li>{@code checksums}: {@code when-required} turns off the CRC checksums the SDK sends on every upload since 2.30,
 * for S3-compatible servers that refuse them;</li>
 * <li>{@code part-size}: the multipart part size, e.g. {@code 16MB} (default 8MB, at least 5MB).</li>
 * </ul>
 * One client per distinct configuration, made on the first alias that needs it.
 */
public final class S3StorageProvider implements ObjectStorageProvider, AutoCloseable {

	/** A storage call on a quiet connection fails after this long rather than hold the invocation. */
	static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(30);

	static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

	private final Map<ClientSettings, S3Client> clients = new ConcurrentHashMap<>();

	private record ClientSettings(String region, String endpoint, boolean pathStyle, boolean checksumsWhenRequired) {
	}

	@Override
	public String name() {
		return "s3";
	}

	@Override
	public boolean isDefaultFor(String cloud) {
		return "aws".equals(cloud);
	}

	@Override
	public ObjectStorage open(StorageSettings settings) {
		ClientSettings client = new ClientSettings(settings.get("region"), settings.get("endpoint"),
				settings.flag("path-style", false), checksumsWhenRequired(settings));
		return new S3ObjectStorage(clients.computeIfAbsent(client, S3StorageProvider::build), settings.bucket(), settings.alias(),
				partSize(settings));
	}

	private static S3Client build(ClientSettings settings) {
		S3ClientBuilder builder = S3Client.builder()
			.httpClientBuilder(UrlConnectionHttpClient.builder().connectionTimeout(CONNECT_TIMEOUT).socketTimeout(SOCKET_TIMEOUT))
			.forcePathStyle(settings.pathStyle())
			// HttpURLConnection and "Expect: 100-continue" race: a server that answers before the body is written
			// fails the attempt on the client ("Error writing request body to server") after the write happened,
			// and the retry of a create-only put then meets its own object. A function's uploads are small and
			// signed; sending the body at once costs nothing.
			.serviceConfiguration(c -> c.expectContinueEnabled(false));
		if (settings.region() != null) {
			builder.region(Region.of(settings.region()));
		}
		if (settings.endpoint() != null) {
			builder.endpointOverride(URI.create(settings.endpoint()));
		}
		if (settings.checksumsWhenRequired()) {
			builder.requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
				.responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
		}
		return builder.build();
	}

	private static boolean checksumsWhenRequired(StorageSettings settings) {
		String checksums = settings.get("checksums", "when-supported");
		return switch (checksums) {
			case "when-supported" -> false;
			case "when-required" -> true;
			default -> throw new IllegalStateException(StorageSettings.PREFIX + settings.alias()
					+ ".checksums is when-supported or when-required, not '" + checksums + "'");
		};
	}

	private static int partSize(StorageSettings settings) {
		String configured = settings.get("part-size");
		if (configured == null) {
			return S3ObjectStorage.DEFAULT_PART_SIZE;
		}
		long bytes = DataSize.parse(configured).toBytes();
		if (bytes < S3ObjectStorage.MIN_PART_SIZE || bytes > Integer.MAX_VALUE - 8) {
			throw new IllegalStateException(StorageSettings.PREFIX + settings.alias() + ".part-size is 5MB to 2GB, not " + configured);
		}
		return (int) bytes;
	}

	@Override
	public void close() {
		clients.values().forEach(S3Client::close);
		clients.clear();
	}
}
