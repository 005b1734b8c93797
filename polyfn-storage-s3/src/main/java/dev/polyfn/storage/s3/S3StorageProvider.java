package dev.polyfn.storage.s3;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.util.unit.DataSize;

import dev.polyfn.aws.client.AwsCredentialsSource;
import dev.polyfn.aws.client.AwsHttpClient;
import dev.polyfn.core.storage.ObjectStorage;
import dev.polyfn.core.storage.ObjectStorageProvider;
import dev.polyfn.core.storage.StorageSettings;

/**
 * {@code provider=s3}, and the default on AWS. It finds what Lambda hands over the way every AWS SDK does
 * (polyfn-aws-client's chains, read from the application's settings and environment): the role's credentials from
 * {@code AWS_ACCESS_KEY_ID}/{@code AWS_SECRET_ACCESS_KEY}/{@code AWS_SESSION_TOKEN} (default credentials chain),
 * the region from {@code AWS_REGION}, and an endpoint from {@code AWS_ENDPOINT_URL_S3} or {@code AWS_ENDPOINT_URL}
 * (AWS SDKs and Tools Reference Guide, "Service-specific endpoints",
 * https://docs.aws.amazon.com/sdkref/latest/guide/feature-ss-endpoints.html, read 2026-12-03). Settings of the
 * alias (or {@code polyfn.storage.s3.*} for all):
 * <ul>
 * <li>{@code region}: instead of the region chain;</li>
 * <li>{@code endpoint}: instead of {@code AWS_ENDPOINT_URL_S3} and the region's endpoint (a local server, a VPC
 * endpoint);</li>
 * <li>{@code path-style}: {@code true} for servers that serve buckets as a path, not a host name (local servers);
 * taken anyway for an IP address endpoint and for bucket names that cannot be a host name ({@link BucketAddress});</li>
 * <li>{@code checksums}: {@code when-supported} or {@code when-required}, still accepted from the AWS SDK's days;
 * there is nothing left to turn off, since no CRC checksum or {@code aws-chunked} upload is ever sent;</li>
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

	private final Map<ClientSettings, S3Http> clients = new ConcurrentHashMap<>();
	private final S3Service service;

	private record ClientSettings(String region, String endpoint, boolean pathStyle, AwsCredentialsSource credentials) {
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
		checkChecksums(settings);
		// One credentials source per service: it reads the environment at each signing (or caches what the chain
		// found), so it is the same for every alias and does not split the client cache.
		ClientSettings client = new ClientSettings(region, service.endpoint(settings, region), settings.flag("path-style", false),
				credentials(settings));
		return new S3ObjectStorage(clients.computeIfAbsent(client, S3StorageProvider::build), settings.bucket(), settings.alias(),
				partSize(settings));
	}

	private volatile AwsCredentialsSource credentials;

	/** The role's credentials as the runtime hands them over, read through the application's environment. */
	private AwsCredentialsSource credentials(StorageSettings settings) {
		AwsCredentialsSource made = credentials;
		if (made == null) {
			made = service.credentials(settings.properties());
			credentials = made;
		}
		return made;
	}

	private static S3Http build(ClientSettings settings) {
		// HttpURLConnection without "Expect: 100-continue": a server that answers before the body is written would
		// fail the attempt after the write happened, and the retry of a create-only put would meet its own object.
		AwsHttpClient http = new AwsHttpClient("s3", settings.region(), settings.credentials(), true, CONNECT_TIMEOUT, SOCKET_TIMEOUT);
		return new S3Http(http, URI.create(settings.endpoint()), settings.pathStyle());
	}

	/** The AWS SDK's setting, kept so that a deployment that sets it still starts; both values send the same requests. */
	private static void checkChecksums(StorageSettings settings) {
		String checksums = settings.get("checksums", "when-supported");
		if (!checksums.equals("when-supported") && !checksums.equals("when-required")) {
			throw new IllegalStateException(StorageSettings.PREFIX + settings.alias()
					+ ".checksums is when-supported or when-required, not '" + checksums + "'");
		}
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

	/** Forgets the clients; they hold no connection or thread of their own (the JDK keeps idle connections alive). */
	@Override
	public void close() {
		clients.clear();
	}
}
