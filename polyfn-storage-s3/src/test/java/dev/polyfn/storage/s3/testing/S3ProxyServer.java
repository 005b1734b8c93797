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
 */
public final class S3ProxyServer implements AutoCloseable {

	private final S3Proxy proxy;
	private final String accessKey;
	private final String secretKey;

	private S3ProxyServer(S3Proxy proxy, String accessKey, String secretKey) {
		this.proxy = proxy;
		this.accessKey = accessKey;
		this.secretKey = secretKey;
	}

	public static S3ProxyServer start(String accessKey, String secretKey) throws Exception {
		Properties properties = new Properties();
		properties.setProperty(Constants.PROPERTY_IDENTITY, accessKey);
		properties.setProperty(Constants.PROPERTY_CREDENTIAL, secretKey);
		BlobStore store = BlobStores.create("transient-nio2", properties);
		S3Proxy proxy = S3Proxy.builder()
			.blobStore(store)
			.awsAuthentication(AuthenticationType.AWS_V4, accessKey, secretKey)
			.endpoint(URI.create("http://127.0.0.1:0"))
			.build();
		proxy.start();
		long deadline = System.nanoTime() + 10_000_000_000L;
		while (!"STARTED".equals(proxy.getState())) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("S3Proxy did not start in 10 s: " + proxy.getState());
			}
			Thread.sleep(10);
		}
		return new S3ProxyServer(proxy, accessKey, secretKey);
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

	/** The SDK's own client for this server, with its keys: what a test reads back with. The caller closes it. */
	public S3Client client() {
		return S3Client.builder()
			.endpointOverride(URI.create(endpoint()))
			.forcePathStyle(true)
			.region(Region.US_EAST_1)
			.httpClient(UrlConnectionHttpClient.create())
			.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey)))
			.build();
	}

	@Override
	public void close() throws Exception {
		proxy.stop();
	}
}
