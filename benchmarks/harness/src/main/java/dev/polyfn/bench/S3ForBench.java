package dev.polyfn.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.polyfn.local.Ports;

/**
 * The bucket of the storage row: moto's S3 server (installed on every polyfn machine) on loopback, with
 * {@code uploads/cat.png} (a 1600×900 PNG) put there through boto3, so that {@code storeThumbnail}'s cold start
 * includes a real S3 GET and PUT. Started once per run, on the first target that needs it.
 */
final class S3ForBench implements AutoCloseable {

	static final String ACCESS_KEY = "bench-access";
	static final String SECRET_KEY = "bench-secret";

	private final Process server;
	private final int port;

	private S3ForBench(Process server, int port) {
		this.server = server;
		this.port = port;
	}

	/** Null, with the reason on stderr, when moto_server or boto3 is missing. */
	static S3ForBench start(Path workDir) {
		try {
			int port = Ports.free();
			Path log = Files.createDirectories(workDir).resolve("moto-server.log");
			Process server = new ProcessBuilder("moto_server", "-H", "127.0.0.1", "-p", Integer.toString(port))
				.redirectErrorStream(true).redirectOutput(log.toFile()).start();
			S3ForBench s3 = new S3ForBench(server, port);
			Runtime.getRuntime().addShutdownHook(new Thread(s3::close));
			s3.awaitListening();
			s3.seed(workDir);
			return s3;
		}
		catch (IOException | InterruptedException | IllegalStateException failed) {
			System.err.println("storage row: no S3 server (" + failed.getMessage() + ")");
			return null;
		}
	}

	String endpoint() {
		return "http://127.0.0.1:" + port;
	}

	/** What the function is started with: the bucket alias, the endpoint and the keys, as Lambda would hand them. */
	Map<String, String> environment() {
		return Map.of("SPRING_CLOUD_FUNCTION_DEFINITION", "storeThumbnail", "POLYFN_STORAGE_UPLOADS_BUCKET", "uploads",
				"AWS_ENDPOINT_URL_S3", endpoint(), "AWS_ACCESS_KEY_ID", ACCESS_KEY, "AWS_SECRET_ACCESS_KEY", SECRET_KEY);
	}

	private void awaitListening() throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
		while (System.nanoTime() < deadline) {
			try (Socket socket = new Socket()) {
				socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
				return;
			}
			catch (IOException notYet) {
				Thread.sleep(100);
			}
		}
		throw new IllegalStateException("moto_server did not listen on " + port + " within 30 s");
	}

	private void seed(Path workDir) throws IOException, InterruptedException {
		String script = String.join("\n",
				"import boto3, io, struct, zlib",
				"s3 = boto3.client('s3', endpoint_url='" + endpoint() + "', region_name='us-east-1',",
				"    aws_access_key_id='" + ACCESS_KEY + "', aws_secret_access_key='" + SECRET_KEY + "')",
				"s3.create_bucket(Bucket='uploads')",
				"w, h = 1600, 900",
				"raw = b''.join(b'\\x00' + bytes([200, 120, 40]) * w for _ in range(h))",
				"def chunk(t, d): return struct.pack('>I', len(d)) + t + d + struct.pack('>I', zlib.crc32(t + d))",
				"png = b'\\x89PNG\\r\\n\\x1a\\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', w, h, 8, 2, 0, 0, 0))"
						+ " + chunk(b'IDAT', zlib.compress(raw)) + chunk(b'IEND', b'')",
				"s3.put_object(Bucket='uploads', Key='cat.png', Body=png, ContentType='image/png')", "");
		Path file = workDir.resolve("seed-s3.py");
		Files.writeString(file, script);
		Process seed = new ProcessBuilder(List.of("python3", file.toString())).redirectErrorStream(true).start();
		String output = new String(seed.getInputStream().readAllBytes());
		if (seed.waitFor() != 0) {
			throw new IllegalStateException("seeding the bucket failed: " + output);
		}
	}

	@Override
	public void close() {
		server.destroy();
	}
}
