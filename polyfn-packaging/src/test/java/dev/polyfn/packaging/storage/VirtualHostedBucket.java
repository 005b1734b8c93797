package dev.polyfn.packaging.storage;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Object;

import dev.polyfn.storage.s3.testing.S3ProxyServer;

/**
 * One bucket addressed the way OSS and COS address every bucket, as a host name ({@code <bucket>.<domain>}): S3Proxy
 * serving it on loopback and a hosts file that a packaged function's JVM resolves the name with
 * ({@code -Djdk.net.hosts.file}, through the package's own JVM-options variable). The bucket holds
 * {@code cat.png}, a 1600×900 PNG.
 */
public final class VirtualHostedBucket implements AutoCloseable {

	public static final String ACCESS = "STS.polyfn-e2e";
	public static final String SECRET = "polyfn-e2e-secret";

	private final S3ProxyServer server;
	private final S3Client client;
	private final String bucket;
	private final String domain;
	private final Path hostsFile;

	private VirtualHostedBucket(S3ProxyServer server, String bucket, String domain, Path hostsFile) {
		this.server = server;
		this.client = server.client();
		this.bucket = bucket;
		this.domain = domain;
		this.hostsFile = hostsFile;
	}

	public static VirtualHostedBucket start(String bucket, String domain, Path dir) throws Exception {
		S3ProxyServer server = S3ProxyServer.start(ACCESS, SECRET, domain);
		Files.createDirectories(dir);
		// Only these names resolve in the function's JVM (no DNS): the bucket, and this machine's own name, which
		// the JVM asks for at start-up.
		Path hosts = Files.writeString(dir.resolve("hosts"), String.join("\n", "127.0.0.1 localhost",
				"127.0.0.1 " + InetAddress.getLocalHost().getHostName(), "127.0.0.1 " + bucket + "." + domain, ""));
		VirtualHostedBucket vhb = new VirtualHostedBucket(server, bucket, domain, hosts);
		server.createBucket(bucket);
		vhb.client.putObject(r -> r.bucket(bucket).key("cat.png").contentType("image/png"), RequestBody.fromBytes(png(1600, 900)));
		return vhb;
	}

	/** The endpoint a function is pointed at: the domain on S3Proxy's port. */
	public String endpoint() {
		return "http://" + domain + ":" + server.port();
	}

	/** The JVM flag that makes a function resolve the bucket's host name to S3Proxy. */
	public String hostsFlag() {
		return "-Djdk.net.hosts.file=" + hostsFile;
	}

	public List<String> keys() {
		return client.listObjectsV2(r -> r.bucket(bucket)).contents().stream().map(S3Object::key).toList();
	}

	/** "image/png 800x450": what the object is. */
	public String describe(String key) throws IOException {
		ResponseBytes<GetObjectResponse> object = client.getObjectAsBytes(r -> r.bucket(bucket).key(key));
		BufferedImage image = ImageIO.read(new ByteArrayInputStream(object.asByteArray()));
		return object.response().contentType() + " " + image.getWidth() + "x" + image.getHeight();
	}

	public void put(String key, byte[] content) {
		client.putObject(r -> r.bucket(bucket).key(key).contentType("image/png"), RequestBody.fromBytes(content));
	}

	public static byte[] png(int width, int height) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), "png", out);
		return out.toByteArray();
	}

	@Override
	public void close() throws Exception {
		client.close();
		server.close();
	}
}
