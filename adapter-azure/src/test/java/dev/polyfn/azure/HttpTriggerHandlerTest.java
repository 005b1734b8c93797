package dev.polyfn.azure;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import com.microsoft.azure.functions.HttpRequestMessage;

import dev.polyfn.azure.AzureTestSupport.Invocation;
import dev.polyfn.azure.AzureTestSupport.Response;
import dev.polyfn.core.events.JsonEvents;
import dev.polyfn.core.testing.Fixtures;
import tools.jackson.databind.JsonNode;

class HttpTriggerHandlerTest {

	private static final String DOCS_REQUEST = "azure/http/docs-custom-handler-http-invoke-request.json";
	private static final String DOCS_QUEUE_MESSAGE = "azure/queue/docs-custom-handler-queue-invoke-request.json";

	private final HttpTriggerHandler handler = new HttpTriggerHandler(AzureTestSupport.functions());

	@Test
	void reverse_answers_the_docs_request_body_reversed() {
		JsonNode req = JsonEvents.at(fixture(DOCS_REQUEST), "Data", "req");
		String body = JsonEvents.text(req, "Body");

		Response response = call("reverse", "inv-1", docsRequest("http://localhost:7071/api/reverse"));

		assertThat(response.getStatusCode()).isEqualTo(200);
		assertThat(response.getHeader("Content-Type")).startsWith("text/plain");
		assertThat(response.text()).isEqualTo(new StringBuilder(body).reverse().toString());
	}

	@Test
	void thumbnail_turns_a_png_body_into_a_smaller_png() throws IOException {
		byte[] png = png(64, 32);

		Response response = call("thumbnail", "inv-2", AzureTestSupport.request("POST",
				"https://app.azurewebsites.net/api/thumbnail", Map.of("Content-Type", "image/png"), png));

		assertThat(response.getStatusCode()).isEqualTo(200);
		assertThat(response.getHeader("Content-Type")).isEqualTo("image/png");
		BufferedImage thumbnail = ImageIO.read(new ByteArrayInputStream(response.bytes()));
		assertThat(thumbnail.getWidth()).isEqualTo(16);
		assertThat(thumbnail.getHeight()).isEqualTo(8);
	}

	@Test
	void thumbnail_of_a_body_that_is_no_image_is_400() {
		// Not JSON-looking: a byte[] function given a body that starts with '{' fails 500 in Spring Cloud
		// Function's own conversion (reported for function-core).
		byte[] text = "plain text, not an image".getBytes(StandardCharsets.UTF_8);

		Response response = call("thumbnail", "inv-3", AzureTestSupport.request("POST",
				"https://app.azurewebsites.net/api/thumbnail", Map.of("Content-Type", "text/plain"), text));

		assertThat(response.getStatusCode()).isEqualTo(400);
		assertThat(response.getHeader("Content-Type")).startsWith("application/json");
		assertThat(response.text()).contains("\"error\":\"bad_request\"");
	}

	@Test
	void the_generic_function_runs_the_function_named_in_the_route() {
		Response response = call("polyfn", "inv-4", docsRequest("http://localhost:7071/api/reverse"));

		assertThat(response.getStatusCode()).isEqualTo(200);
		assertThat(response.text()).startsWith("}");
	}

	@Test
	void an_unknown_function_in_the_route_is_404_with_the_json_error_body() {
		// The docs request goes to /api/order: no function of that name.
		Response response = call("polyfn", "inv-5", docsRequest(null));

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

		Response response = call("processOrder", "inv-6", AzureTestSupport.request("POST",
				"https://app.azurewebsites.net/api/processOrder", Map.of("Content-Type", "application/json"),
				notJson.getBytes(StandardCharsets.UTF_8)));

		assertThat(response.getStatusCode()).isEqualTo(400);
		JsonNode error = JsonEvents.parse(response.bytes());
		assertThat(JsonEvents.text(error, "error")).isEqualTo("invalid_input");
		assertThat(JsonEvents.text(error, "message")).contains("processOrder");
	}

	@Test
	void a_missing_body_where_the_function_needs_one_is_400() {
		Response response = call("processOrder", "inv-7", AzureTestSupport.request("POST",
				"https://app.azurewebsites.net/api/processOrder", Map.of("Content-Type", "application/json"), null));

		assertThat(response.getStatusCode()).isEqualTo(400);
		assertThat(JsonEvents.text(JsonEvents.parse(response.bytes()), "message")).contains("body was empty");
	}

	@Test
	void the_invocation_id_and_function_name_reach_the_function_as_headers() {
		Response response = call("whoami", "3f1c-invocation", docsRequest("http://localhost:7071/api/whoami"));

		assertThat(response.text()).isEqualTo("3f1c-invocation whoami azure");
	}

	@Test
	void fifty_parallel_invocations_of_one_handler_instance_all_get_their_own_answer() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(16);
		try {
			List<Callable<Boolean>> calls = IntStream.range(0, 50).<Callable<Boolean>>mapToObj(i -> () -> {
				String text = "request-" + i + "-" + "x".repeat(i);
				Response response = call("reverse", "inv-" + i, AzureTestSupport.request("POST",
						"https://app.azurewebsites.net/api/reverse", Map.of("Content-Type", "text/plain"),
						text.getBytes(StandardCharsets.UTF_8)));
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

	private Response call(String functionName, String invocationId, HttpRequestMessage<Optional<byte[]>> request) {
		return (Response) handler.run(request, new Invocation(functionName, invocationId).context);
	}

	/** The docs' request (method, headers, body), sent to {@code url}, or to its own Url when null. */
	private static HttpRequestMessage<Optional<byte[]>> docsRequest(String url) {
		JsonNode req = JsonEvents.at(fixture(DOCS_REQUEST), "Data", "req");
		Map<String, String> headers = new LinkedHashMap<>();
		JsonEvents.at(req, "Headers").properties()
				.forEach(header -> headers.put(header.getKey(), header.getValue().get(0).asString()));
		return AzureTestSupport.request(JsonEvents.text(req, "Method"), url != null ? url : JsonEvents.text(req, "Url"),
				headers, JsonEvents.text(req, "Body").getBytes(StandardCharsets.UTF_8));
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
