package dev.polyfn.azure;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import dev.polyfn.azure.host.HostHttpResponse;
import dev.polyfn.azure.host.JavaWorker;
import dev.polyfn.core.events.JsonEvents;
import dev.polyfn.core.model.Headers;
import dev.polyfn.core.testing.Fixtures;
import tools.jackson.databind.JsonNode;

/**
 * HTTP through the host-faithful path: the host types the body by its media type (a string for text and JSON,
 * bytes for octet-stream and multipart) and the Java worker binds it to the handler's
 * {@code HttpRequestMessage<Optional<String>>}.
 */
class HttpTriggerHandlerTest {

	private static final String DOCS_REQUEST = "azure/http/docs-custom-handler-http-invoke-request.json";
	private static final String DOCS_QUEUE_MESSAGE = "azure/queue/docs-custom-handler-queue-invoke-request.json";
	private static final String APP = "https://app.azurewebsites.net/api/";

	private final HttpTriggerHandler handler = new HttpTriggerHandler(AzureTestSupport.functions());

	@Test
	void reverse_answers_the_docs_request_body_reversed() {
		JsonNode req = JsonEvents.at(fixture(DOCS_REQUEST), "Data", "req");
		String body = JsonEvents.text(req, "Body");

		HostHttpResponse response = docsRequest("reverse", "http://localhost:7071/api/reverse");

		assertThat(response.getStatusCode()).isEqualTo(200);
		assertThat(response.getHeader("Content-Type")).startsWith("text/plain");
		assertThat(response.text()).isEqualTo(new StringBuilder(body).reverse().toString());
	}

	@Test
	void a_text_body_arrives_as_the_host_decoded_it_and_is_answered() {
		HostHttpResponse response = post("reverse", "text/plain", "hello".getBytes(StandardCharsets.UTF_8));

		assertThat(response.getStatusCode()).isEqualTo(200);
		assertThat(response.text()).isEqualTo("olleh");
	}

	@Test
	void emoji_and_combining_marks_in_utf8_text_come_back_byte_for_byte() {
		byte[] utf8 = "café 👋 e\u0301".getBytes(StandardCharsets.UTF_8);

		HostHttpResponse response = post("echo", "text/plain; charset=utf-8", utf8);

		assertThat(response.bytes()).isEqualTo(utf8);
	}

	@Test
	void a_png_is_415_because_the_host_already_decoded_it_as_utf8_text() throws IOException {
		HostHttpResponse response = post("thumbnail", "image/png", png(64, 32));

		assertThat(response.getStatusCode()).isEqualTo(415);
		JsonNode error = JsonEvents.parse(response.bytes());
		assertThat(JsonEvents.text(error, "error")).isEqualTo("unsupported_media_type");
		assertThat(JsonEvents.text(error, "message")).contains("image/png").contains("-azure-custom-handler.zip from mvn -Pazure package");
	}

	@Test
	void text_in_a_charset_other_than_utf8_is_415_because_the_host_decoded_it_as_utf8() {
		HostHttpResponse response = post("echo", "text/plain; charset=ISO-8859-1",
				"café".getBytes(StandardCharsets.ISO_8859_1));

		assertThat(response.getStatusCode()).isEqualTo(415);
		assertThat(response.text()).contains("iso-8859-1");
	}

	@Test
	void an_octet_stream_body_comes_as_bytes_which_the_worker_cannot_bind_so_polyfn_never_runs() {
		// What azure-functions-java-worker#321 reports: the invocation fails inside the worker (the host answers
		// 500); README and DEPLOY.md send binary bodies to the custom-handler package.
		JavaWorker.Outcome outcome = AzureTestSupport.http(handler, "echoBytes", "POST", APP + "echoBytes",
				AzureTestSupport.contentType("application/octet-stream"), new byte[] { 0, 1, (byte) 0xff });

		assertThat(outcome.failedInWorker()).isTrue();
		assertThat(outcome.failure()).hasMessageContaining("Cannot convert RpcHttpRequestDataSource");
	}

	@Test
	void a_body_that_is_no_image_is_400() {
		HostHttpResponse response = post("thumbnail", "text/plain",
				"plain text, not an image".getBytes(StandardCharsets.UTF_8));

		assertThat(response.getStatusCode()).isEqualTo(400);
		assertThat(response.getHeader("Content-Type")).startsWith("application/json");
		assertThat(response.text()).contains("\"error\":\"bad_request\"");
	}

	@Test
	void the_generic_function_runs_the_function_named_in_the_route() {
		HostHttpResponse response = docsRequest("polyfn", "http://localhost:7071/api/reverse");

		assertThat(response.getStatusCode()).isEqualTo(200);
		assertThat(response.text()).startsWith("}");
	}

	@Test
	void an_unknown_function_in_the_route_is_404_with_the_json_error_body() {
		// The docs request goes to /api/order: no function of that name.
		HostHttpResponse response = docsRequest("polyfn", null);

		assertThat(response.getStatusCode()).isEqualTo(404);
		assertThat(response.getHeader("Content-Type")).startsWith("application/json");
		JsonNode error = JsonEvents.parse(response.bytes());
		assertThat(JsonEvents.text(error, "error")).isEqualTo("function_not_found");
		assertThat(JsonEvents.text(error, "message")).contains("order");
	}

	@Test
	void malformed_json_is_400_with_the_json_error_body() {
		// The docs' queue message is not valid JSON ({ message: "..." } has an unquoted name).
		String notJson = JsonEvents.text(fixture(DOCS_QUEUE_MESSAGE), "Data", "myQueueItem");

		HostHttpResponse response = post("processOrder", "application/json", notJson.getBytes(StandardCharsets.UTF_8));

		assertThat(response.getStatusCode()).isEqualTo(400);
		JsonNode error = JsonEvents.parse(response.bytes());
		assertThat(JsonEvents.text(error, "error")).isEqualTo("invalid_input");
		assertThat(JsonEvents.text(error, "message")).contains("processOrder");
	}

	@Test
	void a_missing_body_where_the_function_needs_one_is_400() {
		// No body: the host sends no body at all (DATA_NOT_SET), which the worker binds as Optional.empty().
		HostHttpResponse response = post("processOrder", "application/json", new byte[0]);

		assertThat(response.getStatusCode()).isEqualTo(400);
		assertThat(JsonEvents.text(JsonEvents.parse(response.bytes()), "message")).contains("body was empty");
	}

	@Test
	void the_invocation_id_and_function_name_reach_the_function_as_headers() {
		JavaWorker.Outcome outcome = AzureTestSupport.http(handler, "whoami", "GET", APP + "whoami", new Headers(),
				new byte[0]);

		HostHttpResponse response = outcome.http();
		assertThat(response.text()).endsWith(" whoami azure");
	}

	@Test
	void fifty_parallel_invocations_of_one_handler_instance_all_get_their_own_answer() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(16);
		try {
			List<Callable<Boolean>> calls = IntStream.range(0, 50).<Callable<Boolean>>mapToObj(i -> () -> {
				String text = "request-" + i + "-" + "x".repeat(i);
				HostHttpResponse response = post("reverse", "text/plain", text.getBytes(StandardCharsets.UTF_8));
				return response.getStatusCode() == 200
						&& response.text().equals(new StringBuilder(text).reverse().toString());
			}).toList();
			List<Future<Boolean>> results = pool.invokeAll(calls);
			for (Future<Boolean> result : results) {
				assertThat(result.get()).isTrue();
			}
			assertThat(results).hasSize(50);
		}
		finally {
			pool.shutdownNow();
		}
	}

	private HostHttpResponse post(String function, String contentType, byte[] body) {
		return AzureTestSupport.http(handler, function, "POST", APP + function, AzureTestSupport.contentType(contentType),
				body).http();
	}

	/** The docs' request (method, headers, body), sent to {@code url}, or to its own Url when null. */
	private HostHttpResponse docsRequest(String functionName, String url) {
		JsonNode req = JsonEvents.at(fixture(DOCS_REQUEST), "Data", "req");
		Headers headers = new Headers();
		JsonEvents.at(req, "Headers").properties()
				.forEach(header -> header.getValue().forEach(value -> headers.add(header.getKey(), value.asString())));
		return AzureTestSupport.http(handler, functionName, JsonEvents.text(req, "Method"),
				url != null ? url : JsonEvents.text(req, "Url"), headers,
				JsonEvents.text(req, "Body").getBytes(StandardCharsets.UTF_8)).http();
	}

	private static JsonNode fixture(String name) {
		return JsonEvents.parse(Fixtures.bytes(name));
	}

	private static byte[] png(int width, int height) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), "png", out);
		return out.toByteArray();
	}
}
