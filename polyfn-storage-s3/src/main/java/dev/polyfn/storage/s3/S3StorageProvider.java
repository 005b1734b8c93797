package dev.polyfn.storage.s3;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.util.unit.DataSize;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
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
 * The same provider serves Alibaba OSS ({@code provider=oss}, the default on Alibaba Cloud) and Tencent COS
 * ({@code provider=cos}, the default on Tencent Cloud) through their S3-compatible APIs ({@link S3Service}): the
 * same settings under {@code polyfn.storage.oss.*} / {@code polyfn.storage.cos.*}; their region comes from the
 * runtime ({@code FC_REGION}, {@code TENCENTCLOUD_REGION}) or the {@code region} setting.
 * One client per distinct configuration, made on the first alias that needs it.
 */
public final class S3StorageProvider implements ObjectStorageProvider, AutoCloseable {

	/** A storage call on a quiet connection fails after this long rather than hold the invocation. */
	static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(30);

	static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

	private final Map<ClientSettings, S3Client> clients = new ConcurrentHashMap<>();
	private final S3Service service;

	private record ClientSettings(String region, String endpoint, boolean pathStyle, boolean checksumsWhenRequired,
			AwsCredentialsProvider credentials) {
	}

	/** Amazon S3 ({@code provider=s3}, the default on AWS). */
	public S3StorageProvider() {
		this(S3Service.AMAZON_S3);
	}

	S3StorageProvider(S3Service service) {
		this.service = service;
	}

	/** Alibaba OSS through its S3-compatible API ({@code provider=oss}, the default on Alibaba Cloud). */
	public static S3StorageProvider alibabaOss() {
		return new S3StorageProvider(S3Service.ALIBABA_OSS);
	}

	/** Tencent COS through its S3-compatible API ({@code provider=cos}, the default on Tencent Cloud). */
	public static S3StorageProvider tencentCos() {
		return new S3StorageProvider(S3Service.TENCENT_COS);
	}

	@Override
	public String name() {
		return service.providerName;
	}

	@Override
	public boolean isDefaultFor(String cloud) {
		return service.cloud.equals(cloud);
	}

	@Override
	public ObjectStorage open(StorageSettings settings) {
		String region = service.region(settings);
		// One credentials provider per service: it reads the environment at each signing, so it is the same for every
		// alias and does not split the client cache.
		ClientSettings client = new ClientSettings(region, service.endpoint(settings, region),
				settings.flag("path-style", false), checksumsWhenRequired(settings), credentials(settings));
		return new S3ObjectStorage(clients.computeIfAbsent(client, this::build), settings.bucket(), settings.alias(),
				partSize(settings));
	}

	private volatile AwsCredentialsProvider credentials;

	/** The runtime's role credentials, read from the application's environment (null on AWS: the SDK's chain). */
	private AwsCredentialsProvider credentials(StorageSettings settings) {
		if (service.isAmazon()) {
			return null;
		}
		AwsCredentialsProvider made = credentials;
		if (made == null) {
			made = service.credentials(settings.properties());
			credentials = made;
		}
		return made;
	}

	private S3Client build(ClientSettings settings) {
		S3ClientBuilder builder = S3Client.builder()
			.httpClientBuilder(UrlConnectionHttpClient.builder().connectionTimeout(CONNECT_TIMEOUT).socketTimeout(SOCKET_TIMEOUT))
			.forcePathStyle(settings.pathStyle())
			// HttpURLConnection and "Expect: 100-continue" race: a server that answers before the body is written
			// fails the attempt on the client ("Error writing request body to server") after the write happened,
			// and the retry of a create-only put then meets its own object. A function's uploads are small and
			// signed; sending the body at once costs nothing.
			.serviceConfiguration(c -> c.expectContinueEnabled(false).chunkedEncodingEnabled(service.isAmazon()));
		if (settings.credentials() != null) {
			builder.credentialsProvider(settings.credentials());
		}
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

	private boolean checksumsWhenRequired(StorageSettings settings) {
		// OSS and COS refuse or ignore the CRC headers the SDK adds to every upload since 2.30: off unless asked for.
		String checksums = settings.get("checksums", service.isAmazon() ? "when-supported" : "when-required");
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
