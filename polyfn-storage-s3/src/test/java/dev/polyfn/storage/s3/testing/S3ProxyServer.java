package dev.polyfn.storage.s3.testing;

import java.net.URI;
import java.util.Properties;

import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.blobstore.Constants;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * S3Proxy 4.0.0 (org.gaul:s3proxy, https://github.com/gaul/s3proxy) on 127.0.0.1, a free port, its objects in
 * memory ({@code transient-nio2}): a real S3 API server, checking AWS Signature V4 with the given keys.
 *
 * <p>Started with a domain, it serves buckets as host names ({@code <bucket>.<domain>}), as OSS and COS do; the
 * function under test then resolves those names to 127.0.0.1 ({@code -Djdk.net.hosts.file}). A second S3Proxy on
 * the same objects serves them path-style on 127.0.0.1, which is what {@link #client()} reads and writes through, so
 * that the test's own JVM needs no such names.
 */
public final class S3ProxyServer implements AutoCloseable {

	private final S3Proxy proxy;
	private final S3Proxy pathStyle;
	private final String accessKey;
	private final String secretKey;

	private S3ProxyServer(S3Proxy proxy, S3Proxy pathStyle, String accessKey, String secretKey) {
		this.proxy = proxy;
		this.pathStyle = pathStyle;
		this.accessKey = accessKey;
		this.secretKey = secretKey;
	}

	public static S3ProxyServer start(String accessKey, String secretKey) throws Exception {
		return start(accessKey, secretKey, null);
	}

	public static S3ProxyServer start(String accessKey, String secretKey, String domain) throws Exception {
		Properties properties = new Properties();
		properties.setProperty(Constants.PROPERTY_IDENTITY, accessKey);
		properties.setProperty(Constants.PROPERTY_CREDENTIAL, secretKey);
		BlobStore store = BlobStores.create("transient-nio2", properties);
		S3Proxy proxy = started(store, accessKey, secretKey, domain);
		return new S3ProxyServer(proxy, domain == null ? proxy : started(store, accessKey, secretKey, null), accessKey,
				secretKey);
	}

	private static S3Proxy started(BlobStore store, String accessKey, String secretKey, String domain) throws Exception {
		S3Proxy.Builder builder = S3Proxy.builder()
			.blobStore(store)
			.awsAuthentication(AuthenticationType.AWS_V4, accessKey, secretKey)
			.endpoint(URI.create("http://127.0.0.1:0"))
			// S3Proxy answers 501 to headers it does not implement, x-amz-security-token among them; they stay in the
			// signature check all the same, so a session token still has to be signed right
			.ignoreUnknownHeaders(true);
		if (domain != null) {
			builder.virtualHost(domain);
		}
		S3Proxy proxy = builder.build();
		proxy.start();
		long deadline = System.nanoTime() + 10_000_000_000L;
		while (!"STARTED".equals(proxy.getState())) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("S3Proxy did not start in 10 s: " + proxy.getState());
			}
			Thread.sleep(10);
		}
		return proxy;
	}

	/** The port of the server the function under test talks to. */
	public int port() {
		return proxy.getPort();
	}

	public String endpoint() {
		return "http://127.0.0.1:" + proxy.getPort();
	}

	/** Through S3's own CreateBucket, as a deployment would make it. */
	public void createBucket(String name) {
		try (S3Client s3 = client()) {
			s3.createBucket(r -> r.bucket(name));
		}
	}

	/** The SDK's own client for these objects, with the keys, path-style: what a test reads back with. The caller closes it. */
	public S3Client client() {
		return S3Client.builder()
			.endpointOverride(URI.create("http://127.0.0.1:" + pathStyle.getPort()))
			.forcePathStyle(true)
			.region(Region.US_EAST_1)
			.httpClient(UrlConnectionHttpClient.create())
			.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey)))
			.build();
	}

	@Override
	public void close() throws Exception {
		proxy.stop();
		if (pathStyle != proxy) {
			pathStyle.stop();
		}
	}
}
