package dev.polyfn.storage.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import com.sun.net.httpserver.HttpServer;

import dev.polyfn.core.storage.ObjectContent;
import dev.polyfn.core.storage.ObjectStorage;
import dev.polyfn.core.storage.PutOptions;
import dev.polyfn.core.storage.StorageSettings;
import dev.polyfn.storage.s3.testing.S3ProxyServer;

/**
 * Alibaba OSS and Tencent COS through their S3-compatible APIs, as FC and SCF hand a function its role: the
 * credentials and the session token from the runtime's variables, the bucket as a host name (the only addressing
 * either accepts), served by S3Proxy as {@code <bucket>.<domain>} on loopback (the names resolve through this
 * module's hosts file). What goes on the wire is checked by a server that only records the request.
 */
class S3CompatibleServicesTest {

	private static final String ACCESS = "STS.polyfn-test";
	private static final String SECRET = "polyfn-test-secret";

	private static S3ProxyServer oss;
	private static S3ProxyServer cos;

	@BeforeAll
	static void startTheServers() throws Exception {
		oss = S3ProxyServer.start(ACCESS, SECRET, "oss.polyfn.test");
		oss.createBucket("uploads");
		cos = S3ProxyServer.start(ACCESS, SECRET, "cos.polyfn.test");
		cos.createBucket("uploads-1250000000");
	}

	@AfterAll
	static void stop() throws Exception {
		oss.close();
		cos.close();
	}

	private static StorageSettings fcSettings(String bucket, String endpoint) {
		Map<String, String> env = new HashMap<>(Map.of("ALIBABA_CLOUD_ACCESS_KEY_ID", ACCESS,
				"ALIBABA_CLOUD_ACCESS_KEY_SECRET", SECRET, "ALIBABA_CLOUD_SECURITY_TOKEN", "fc-session-token",
				"FC_REGION", "cn-hangzhou"));
		if (endpoint != null) {
			env.put("polyfn.storage.oss.endpoint", endpoint);
		}
		return new StorageSettings("uploads", bucket, "oss", env::get);
	}

	private static StorageSettings scfSettings(String bucket, String endpoint) {
		Map<String, String> env = new HashMap<>(Map.of("TENCENTCLOUD_SECRETID", ACCESS, "TENCENTCLOUD_SECRETKEY", SECRET,
				"TENCENTCLOUD_SESSIONTOKEN", "scf-session-token", "TENCENTCLOUD_REGION", "ap-guangzhou"));
		env.put("polyfn.storage.cos.endpoint", endpoint);
		return new StorageSettings("uploads", bucket, "cos", env::get);
	}

	@Test
	void oss_from_function_compute_writes_and_reads_a_virtual_hosted_bucket() {
		try (S3StorageProvider provider = S3StorageProvider.alibabaOss()) {
			ObjectStorage uploads = provider.open(fcSettings("uploads", "http://oss.polyfn.test:" + oss.port()));
			uploads.put("notes/a.txt", "from FC".getBytes(StandardCharsets.UTF_8), PutOptions.contentType("text/plain"));

			try (ObjectContent read = uploads.get("notes/a.txt")) {
				assertThat(new String(read.readAllBytes(100), StandardCharsets.UTF_8) + " " + read.metadata().contentType())
					.isEqualTo("from FC text/plain");
			}
		}
	}

	@Test
	void cos_from_scf_writes_and_reads_a_bucket_named_with_its_appid() {
		try (S3StorageProvider provider = S3StorageProvider.tencentCos()) {
			ObjectStorage uploads = provider.open(scfSettings("uploads-1250000000", "http://cos.polyfn.test:" + cos.port()));
			uploads.put("notes/b.txt", "from SCF".getBytes(StandardCharsets.UTF_8), PutOptions.defaults());

			assertThat(uploads.list("notes/", 10, null).objects()).extracting(o -> o.key()).containsExactly("notes/b.txt");
		}
	}

	@Test
	void oss_upload_on_the_wire_is_virtual_hosted_signed_with_the_token_and_carries_no_checksum_or_chunking() throws Exception {
		Map<String, List<String>> headers = recordOnePut(port -> {
			try (S3StorageProvider provider = S3StorageProvider.alibabaOss()) {
				provider.open(fcSettings("wire", "http://oss.polyfn.test:" + port))
					.put("a.txt", "x".repeat(100).getBytes(StandardCharsets.UTF_8), PutOptions.defaults());
			}
		});

		assertThat(headers.get("Host")).containsExactly("wire.oss.polyfn.test:" + recordedPort);
		assertThat(headers.get("X-amz-security-token")).containsExactly("fc-session-token");
		assertThat(headers.get("Authorization").get(0)).contains("Credential=STS.polyfn-test/", "/cn-hangzhou/s3/aws4_request");
		assertThat(headers.keySet()).noneMatch(h -> h.toLowerCase().startsWith("x-amz-checksum")
				|| h.equalsIgnoreCase("x-amz-sdk-checksum-algorithm") || h.equalsIgnoreCase("x-amz-decoded-content-length"));
		assertThat(headers.getOrDefault("Content-encoding", List.of())).noneMatch(v -> v.contains("aws-chunked"));
		assertThat(headers.get("X-amz-content-sha256").get(0)).doesNotStartWith("STREAMING-");
	}

	@Test
	void cos_upload_on_the_wire_carries_no_checksum_or_chunking_either() throws Exception {
		Map<String, List<String>> headers = recordOnePut(port -> {
			try (S3StorageProvider provider = S3StorageProvider.tencentCos()) {
				provider.open(scfSettings("wire-1250000000", "http://cos.polyfn.test:" + port))
					.put("b.txt", "y".repeat(100).getBytes(StandardCharsets.UTF_8), PutOptions.defaults());
			}
		});

		assertThat(headers.get("Host")).containsExactly("wire-1250000000.cos.polyfn.test:" + recordedPort);
		assertThat(headers.get("X-amz-security-token")).containsExactly("scf-session-token");
		assertThat(headers.keySet()).noneMatch(h -> h.toLowerCase().startsWith("x-amz-checksum"));
		assertThat(headers.getOrDefault("Content-encoding", List.of())).noneMatch(v -> v.contains("aws-chunked"));
	}

	@Test
	void without_an_endpoint_setting_oss_is_the_regions_internal_s3_endpoint_and_cos_the_regions_endpoint() {
		assertThat(S3Service.ALIBABA_OSS.endpoint(fcSettings("uploads", null), "cn-hangzhou"))
			.isEqualTo("https://s3.oss-cn-hangzhou-internal.aliyuncs.com");
		assertThat(S3Service.TENCENT_COS.endpoint(new StorageSettings("uploads", "b-1", "cos", name -> null), "ap-guangzhou"))
			.isEqualTo("https://cos.ap-guangzhou.myqcloud.com");
	}

	@Test
	void cos_without_a_region_names_the_setting_to_add() {
		StorageSettings settings = new StorageSettings("uploads", "b-1250000000", "cos", name -> null);

		assertThatThrownBy(() -> S3Service.TENCENT_COS.region(settings))
			.hasMessage("No region for storage 'uploads' on tencent: set polyfn.storage.cos.region (POLYFN_STORAGE_COS_REGION), "
					+ "e.g. ap-guangzhou");
	}

	@Test
	void fc_without_role_credentials_says_so_when_the_first_call_is_signed() {
		StorageSettings settings = new StorageSettings("uploads", "uploads", "oss",
				Map.of("FC_REGION", "cn-hangzhou", "polyfn.storage.oss.endpoint", "http://oss.polyfn.test:" + oss.port())::get);
		try (S3StorageProvider provider = S3StorageProvider.alibabaOss()) {
			assertThatThrownBy(() -> provider.open(settings).head("a.txt"))
				.hasStackTraceContaining("No aliyun credentials: ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET are unset");
		}
	}

	private static volatile int recordedPort;

	private interface Upload {
		void to(int port) throws Exception;
	}

	/** A server that answers one PUT with 200 and an ETag, and gives back the request's headers. */
	private static Map<String, List<String>> recordOnePut(Upload upload) throws Exception {
		Map<String, List<String>> recorded = new ConcurrentHashMap<>();
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/", exchange -> {
			try (exchange) {
				recorded.putAll(exchange.getRequestHeaders());
				exchange.getRequestBody().readAllBytes();
				exchange.getResponseHeaders().add("ETag", "\"0cc175b9c0f1b6a831c399e269772661\"");
				exchange.sendResponseHeaders(200, -1);
			}
			catch (IOException ignored) {
				// the client went away: the assertions say what was missing
			}
		});
		server.start();
		try {
			recordedPort = server.getAddress().getPort();
			upload.to(recordedPort);
		}
		finally {
			server.stop(0);
		}
		return recorded;
	}
}
