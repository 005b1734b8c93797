package dev.polyfn.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** The API as the runtime interface client sees it: next, then response or error for that request id. */
class LambdaRuntimeApiTest {

	private final HttpClient client = HttpClient.newHttpClient();

	@Test
	void queued_event_goes_out_on_next_with_the_runtime_headers_and_the_response_completes_the_invocation()
			throws Exception {
		try (LambdaRuntimeApi api = new LambdaRuntimeApi()) {
			CompletableFuture<LambdaRuntimeApi.Outcome> outcome = api.invoke("{\"numbers\":[2,3,4]}".getBytes());

			HttpResponse<String> next = client.send(HttpRequest.newBuilder(url(api, "/invocation/next")).build(),
					HttpResponse.BodyHandlers.ofString());
			String requestId = next.headers().firstValue("Lambda-Runtime-Aws-Request-Id").orElseThrow();
			client.send(HttpRequest.newBuilder(url(api, "/invocation/" + requestId + "/response"))
				.POST(HttpRequest.BodyPublishers.ofString("{\"squares\":[4,9,16]}")).build(), HttpResponse.BodyHandlers.discarding());

			assertThat(next.body()).isEqualTo("{\"numbers\":[2,3,4]}");
			assertThat(next.headers().firstValue("Lambda-Runtime-Invoked-Function-Arn")).contains(LambdaRuntimeApi.DEFAULT_FUNCTION_ARN);
			LambdaRuntimeApi.Outcome answer = outcome.get(5, TimeUnit.SECONDS);
			assertThat(answer.kind() + " " + answer.body()).isEqualTo("response {\"squares\":[4,9,16]}");
			assertThat(answer.deliveredAtNanos()).isPositive().isLessThanOrEqualTo(answer.receivedAtNanos());
		}
	}

	@Test
	void a_response_for_an_unknown_request_id_is_refused() throws Exception {
		try (LambdaRuntimeApi api = new LambdaRuntimeApi()) {
			HttpResponse<Void> response = client.send(HttpRequest.newBuilder(url(api, "/invocation/nope/response"))
				.POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.discarding());

			assertThat(response.statusCode()).isEqualTo(400);
		}
	}

	private static URI url(LambdaRuntimeApi api, String path) {
		return URI.create("http://" + api.address() + LambdaRuntimeApi.PREFIX + path);
	}
}
