package dev.polyfn.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.Arrays;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import dev.polyfn.core.http.PolyfnHttpServer;
import dev.polyfn.core.testing.ImageBombs;

/** The examples as a web app, over real HTTP, exactly as the README's curl lines use them. */
class WebModeTest {

	private static ConfigurableApplicationContext app;
	private static String base;
	private static final HttpClient client = HttpClient.newHttpClient();

	private static Path storageRoot;

	@BeforeAll
	static void start() throws Exception {
		storageRoot = Files.createTempDirectory("polyfn-web-storage");
		app = SpringApplication.run(ExamplesApplication.class, "--server.port=0", "--polyfn.http.address=127.0.0.1",
				"--polyfn.max-body-size=6MB", "--polyfn.storage.local.root=" + storageRoot);
		base = "http://127.0.0.1:" + app.getBean(PolyfnHttpServer.class).port();
	}

	@AfterAll
	static void stop() {
		app.close();
	}

	private static HttpResponse<String> post(String path, String contentType, String body) throws Exception {
		return client.send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", contentType)
				.POST(BodyPublishers.ofString(body)).build(), BodyHandlers.ofString());
	}

	@Test
	void reverse() throws Exception {
		assertThat(post("/reverse", "text/plain", "hello").body()).isEqualTo("olleh");
	}

	@Test
	void composition_in_the_path() throws Exception {
		assertThat(post("/uppercase,reverse", "text/plain", "hello").body()).isEqualTo("OLLEH");
	}

	@Test
	void square_json() throws Exception {
		HttpResponse<String> response = post("/square", "application/json", "{\"numbers\":[2,3,4]}");
		assertThat(response.body()).isEqualTo("{\"squares\":[4,9,16]}");
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
	}

	@Test
	void square_with_a_non_number_is_400() throws Exception {
		assertThat(post("/square", "application/json", "{\"numbers\":[2,\"two\"]}").statusCode()).isEqualTo(400);
	}

	@Test
	void malformed_json_is_400_without_stack_trace() throws Exception {
		HttpResponse<String> response = post("/square", "application/json", "{\"numbers\":[2,");
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).startsWith("{\"error\":\"invalid_input\"").doesNotContain("\tat ");
	}

	@Test
	void unknown_function_is_404_json() throws Exception {
		HttpResponse<String> response = post("/nope", "text/plain", "x");
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.body()).contains("function_not_found");
	}

	@Test
	void twenty_megabytes_over_a_six_megabyte_limit_is_413() throws Exception {
		byte[] body = new byte[20 * 1024 * 1024];
		Arrays.fill(body, (byte) 'a');
		HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(base + "/reverse"))
				.header("Content-Type", "text/plain").POST(BodyPublishers.ofByteArray(body)).build(), BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(response.body()).contains("payload_too_large");
	}

	@Test
	void thumbnail_binary_in_and_out() throws Exception {
		HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(URI.create(base + "/thumbnail"))
				.header("Content-Type", "image/png").POST(BodyPublishers.ofByteArray(Images.image(1200, 900, "png"))).build(),
				BodyHandlers.ofByteArray());
		assertThat(response.headers().firstValue("Content-Type")).hasValue("image/png");
		assertThat(Images.read(response.body()).getWidth()).isEqualTo(800);
	}

	@Test
	void thumbnail_of_text_is_400() throws Exception {
		assertThat(post("/thumbnail", "text/plain", "not an image").statusCode()).isEqualTo(400);
	}

	@Test
	void supplier_over_get() throws Exception {
		HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(base + "/hello")).build(),
				BodyHandlers.ofString());
		assertThat(response.body()).isEqualTo("Hello from polyfn");
	}

	@Test
	void consumer_is_202() throws Exception {
		assertThat(post("/audit", "text/plain", "user logged in").statusCode()).isEqualTo(202);
	}

	@Test
	void no_alert_is_204() throws Exception {
		assertThat(post("/temperatureAlert", "application/json", "{\"deviceId\":\"d\",\"temperature\":20}").statusCode())
			.isEqualTo(204);
	}

	@Test
	void order_from_a_cloud_event_in_binary_mode() throws Exception {
		HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(base + "/processOrder"))
				.header("Content-Type", "application/json").header("ce-specversion", "1.0").header("ce-id", "e-1")
				.header("ce-source", "/shop").header("ce-type", "com.example.order.placed")
				.POST(BodyPublishers.ofString("{\"orderId\":\"o-9\",\"sku\":\"apple\",\"quantity\":1}")).build(),
				BodyHandlers.ofString());
		assertThat(response.body()).contains("\"status\":\"CONFIRMED\"");
		assertThat(response.headers().firstValue("ce-type")).hasValue("com.example.order.placed.result");
	}

	@Test
	void plan_thumbnail_from_a_portable_storage_event() throws Exception {
		HttpResponse<String> response = post("/planThumbnail", "application/json",
				"{\"bucket\":\"uploads\",\"key\":\"cat.png\",\"action\":\"CREATED\"}");
		assertThat(response.body()).isEqualTo("{\"source\":\"cat.png\",\"target\":\"thumbnails/cat.png\"}");
	}

	@Test
	void store_thumbnail_writes_the_thumbnail_into_the_local_bucket_folder() throws Exception {
		Path uploads = Files.createDirectories(storageRoot.resolve("uploads"));
		Files.write(uploads.resolve("cat.png"), Images.image(1600, 900, "png"));

		HttpResponse<String> response = post("/storeThumbnail", "application/json",
				"{\"bucket\":\"uploads\",\"key\":\"cat.png\",\"action\":\"CREATED\"}");

		BufferedImage thumbnail = Images.read(Files.readAllBytes(uploads.resolve("thumbnails/cat.png")));
		assertThat(response.statusCode() + " " + thumbnail.getWidth() + "x" + thumbnail.getHeight()).isEqualTo("200 800x450");
		assertThat(response.body()).startsWith("{\"bucket\":\"uploads\",\"source\":\"cat.png\",\"target\":\"thumbnails/cat.png\",\"width\":800,\"height\":450,");
	}

	@Test
	void store_thumbnail_of_an_object_that_is_not_there_is_404() throws Exception {
		HttpResponse<String> response = post("/storeThumbnail", "application/json",
				"{\"bucket\":\"uploads\",\"key\":\"gone.png\",\"action\":\"CREATED\"}");

		assertThat(response.statusCode() + " " + response.body())
			.isEqualTo("404 {\"error\":\"not_found\",\"message\":\"No object 'gone.png' in storage 'uploads'\"}");
	}

	@Test
	void health_and_no_listing_unless_configured() throws Exception {
		assertThat(client.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health")).build(),
				BodyHandlers.ofString()).body()).contains("UP");
		assertThat(client.send(HttpRequest.newBuilder(URI.create(base + "/actuator/functions")).build(),
				BodyHandlers.ofString()).statusCode()).isEqualTo(404);
	}

	@Test
	void an_order_quantity_with_a_fraction_is_400_not_confirmed_as_one() throws Exception {
		HttpResponse<String> response = post("/processOrder", "application/json",
				"{\"orderId\":\"o-1\",\"sku\":\"apple\",\"quantity\":1.7}");

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("expected a whole number within range at $.quantity");
	}

	@Test
	void an_order_with_a_repeated_key_is_400() throws Exception {
		HttpResponse<String> response = post("/processOrder", "application/json",
				"{\"orderId\":\"o-1\",\"sku\":\"plum\",\"sku\":\"apple\",\"quantity\":1}");

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("a key appears twice");
	}

	@Test
	void square_of_a_number_with_an_absurd_exponent_is_400_not_500() throws Exception {
		HttpResponse<String> response = post("/square", "application/json", "{\"numbers\":[1e2147483647]}");

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).startsWith("{\"error\":\"invalid_input\"");
	}

	@Test
	void a_temperature_beyond_a_double_is_400_not_infinity() throws Exception {
		HttpResponse<String> response = post("/temperatureAlert", "application/json",
				"{\"deviceId\":\"d\",\"temperature\":1e309}");

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).doesNotContain("Infinity");
	}

	@Test
	void a_400_names_neither_the_value_sent_nor_a_java_class() throws Exception {
		HttpResponse<String> response = post("/square", "application/json", "{\"numbers\":[2,\"SECRET-TOKEN\"]}");

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("$.numbers[1]").doesNotContain("SECRET-TOKEN")
			.doesNotContain("SquareFunction").doesNotContain("java.");
	}

	@Test
	void a_bomb_upload_is_413_in_the_error_contract() throws Exception {
		HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(base + "/thumbnail"))
				.header("Content-Type", "image/gif").POST(BodyPublishers.ofByteArray(ImageBombs.gif(40_000, 40_000)))
				.build(), BodyHandlers.ofString());

		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(response.body()).startsWith("{\"error\":\"payload_too_large\",\"message\":\"The image declares 40000x40000");
	}

	@Test
	void composing_a_consumer_before_the_end_is_400_naming_it() throws Exception {
		HttpResponse<String> response = post("/audit,reverse", "text/plain", "user logged in");

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("'audit' is a consumer");
	}
}
