package dev.polyfn.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.polyfn.core.boot.PolyfnRuntime;
import dev.polyfn.core.events.JsonEvents;
import dev.polyfn.eventsample.EventSampleApplication;
import tools.jackson.databind.JsonNode;

/**
 * The web app as a Knative Eventing recipient, over real HTTP: CloudEvents written as Knative's and CloudEvents' own
 * documents write them reach the function with the same attributes in binary and structured mode, a result comes
 * back as a reply event, no result is 202, and the status says whether Knative retries.
 *
 * <p>The binary event is the one knative/docs {@code docs/eventing/getting-started.md} ("Sending events to the
 * Broker", read 2026-12-06) sends with curl: {@code Ce-Id: say-hello}, {@code Ce-Specversion: 1.0},
 * {@code Ce-Type: greeting}, {@code Ce-Source: not-sendoff}, {@code Content-Type: application/json},
 * {@code {"msg":"Hello Knative!"}}. The structured one is the same event in the JSON format with
 * {@code Content-Type: application/cloudevents+json; charset=utf-8}, as the CloudEvents HTTP binding's structured
 * example (cloudevents/spec http-protocol-binding.md §3.2.4, read 2026-12-06) writes it; Knative's data plane
 * requires recipients to take both (knative/specs specs/eventing/data-plane.md, "Minimum supported protocol").
 */
class KnativeEventingContractTest {

	private static final String GREETING_STRUCTURED = """
			{
			    "specversion" : "1.0",
			    "type" : "greeting",
			    "source" : "not-sendoff",
			    "id" : "say-hello",
			    "datacontenttype" : "application/json",
			    "data" : {"msg":"Hello Knative!"}
			}""";

	private static final HttpClient client = HttpClient.newHttpClient();
	private static PolyfnRuntime runtime;
	private static String base;

	@BeforeAll
	static void start() {
		runtime = PolyfnRuntime.start(EventSampleApplication.class, "web", Map.of("polyfn.http.enabled", "true",
				"server.port", "0", "polyfn.http.address", "127.0.0.1", "polyfn.max-body-size", "4KB"));
		base = "http://127.0.0.1:" + runtime.context().getBean(PolyfnHttpServer.class).port();
	}

	@AfterAll
	static void stop() {
		runtime.close();
	}

	@Test
	void the_getting_started_event_in_binary_mode_reaches_the_function_with_its_attributes() throws Exception {
		HttpResponse<String> response = greetingBinary("/describeEvent");
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode seen = JsonEvents.parse(response.body().getBytes());
		assertThat(seen.get("id").asString()).isEqualTo("say-hello");
		assertThat(seen.get("source").asString()).isEqualTo("not-sendoff");
		assertThat(seen.get("type").asString()).isEqualTo("greeting");
		assertThat(seen.get("datacontenttype").asString()).isEqualTo("application/json");
		assertThat(seen.get("data").asString()).isEqualTo("{\"msg\":\"Hello Knative!\"}");
	}

	@Test
	void the_same_event_in_structured_mode_reaches_the_function_with_the_same_attributes() throws Exception {
		HttpResponse<String> binary = greetingBinary("/describeEvent");
		HttpResponse<String> structured = structured("/describeEvent", GREETING_STRUCTURED);
		assertThat(structured.statusCode()).isEqualTo(200);
		// the structured reply carries the function's answer as its data
		JsonNode structuredSeen = JsonEvents.parse(structured.body().getBytes()).get("data");
		assertThat(structuredSeen).isEqualTo(JsonEvents.parse(binary.body().getBytes()));
	}

	@Test
	void optional_attributes_extensions_and_percent_encoded_header_values_agree_across_modes() throws Exception {
		// The binding percent-encodes a space in a binary-mode header (§3.1.3.2); structured JSON carries it as is.
		HttpResponse<String> binary = client.send(HttpRequest.newBuilder(URI.create(base + "/describeEvent"))
			.header("Ce-Id", "tick-1").header("Ce-Specversion", "1.0").header("Ce-Type", "dev.knative.sources.ping")
			.header("Ce-Source", "/apis/v1/namespaces/default/pingsources/every%20minute")
			.header("Ce-Subject", "caf%C3%A9").header("Ce-Time", "2026-12-06T21:00:00Z")
			.header("Ce-Knativearrivaltime", "2026-12-06T21:00:00.1Z").header("Content-Type", "text/plain")
			.POST(BodyPublishers.ofString("tick")).build(), BodyHandlers.ofString());
		HttpResponse<String> structured = structured("/describeEvent", """
				{"specversion":"1.0","id":"tick-1","type":"dev.knative.sources.ping",
				 "source":"/apis/v1/namespaces/default/pingsources/every minute","subject":"café",
				 "time":"2026-12-06T21:00:00Z","knativearrivaltime":"2026-12-06T21:00:00.1Z",
				 "datacontenttype":"text/plain","data":"tick"}""");
		JsonNode binarySeen = JsonEvents.parse(binary.body().getBytes());
		assertThat(binarySeen.get("source").asString()).isEqualTo("/apis/v1/namespaces/default/pingsources/every minute");
		assertThat(binarySeen.get("subject").asString()).isEqualTo("café");
		assertThat(binarySeen.get("extensions").get("knativearrivaltime").asString()).isEqualTo("2026-12-06T21:00:00.1Z");
		assertThat(JsonEvents.parse(structured.body().getBytes()).get("data")).isEqualTo(binarySeen);
	}

	@Test
	void a_result_to_a_binary_event_is_a_binary_reply_event() throws Exception {
		HttpResponse<String> response = greetingBinary("/describeEvent");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("ce-specversion")).hasValue("1.0");
		assertThat(response.headers().firstValue("ce-id")).hasValueSatisfying(id -> assertThat(id).isNotBlank());
		assertThat(response.headers().firstValue("ce-source")).hasValue("/polyfn/describeEvent");
		assertThat(response.headers().firstValue("ce-type")).hasValue("greeting.result");
		assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
	}

	@Test
	void a_result_to_a_structured_event_is_a_structured_reply_event() throws Exception {
		HttpResponse<String> response = structured("/describeEvent", GREETING_STRUCTURED);
		assertThat(response.headers().firstValue("content-type")).hasValue("application/cloudevents+json; charset=utf-8");
		JsonNode reply = JsonEvents.parse(response.body().getBytes());
		assertThat(reply.get("specversion").asString()).isEqualTo("1.0");
		assertThat(reply.get("id").asString()).isNotBlank();
		assertThat(reply.get("source").asString()).isEqualTo("/polyfn/describeEvent");
		assertThat(reply.get("type").asString()).isEqualTo("greeting.result");
		assertThat(reply.get("datacontenttype").asString()).startsWith("application/json");
		assertThat(reply.get("data").get("id").asString()).isEqualTo("say-hello");
	}

	@Test
	void binary_data_in_a_structured_event_comes_back_as_data_base64() throws Exception {
		HttpResponse<String> response = structured("/echoBytes", """
				{"specversion":"1.0","id":"b-1","type":"blob","source":"/s","datacontenttype":"application/octet-stream",
				 "data_base64":"AAEC/w=="}""");
		JsonNode reply = JsonEvents.parse(response.body().getBytes());
		assertThat(reply.get("datacontenttype").asString()).isEqualTo("application/octet-stream");
		assertThat(reply.get("data_base64").asString()).isEqualTo("AAEC/w==");
		assertThat(reply.has("data")).isFalse();
	}

	@Test
	void a_consumer_accepts_the_event_with_202_and_no_body() throws Exception {
		HttpResponse<String> response = greetingBinary("/accept");
		assertThat(response.statusCode()).isEqualTo(202);
		assertThat(response.body()).isEmpty();
		assertThat(response.headers().firstValue("ce-id")).isEmpty();
	}

	@Test
	void a_function_that_returns_nothing_answers_202_not_204() throws Exception {
		HttpResponse<String> binary = greetingBinary("/ignore");
		HttpResponse<String> structured = structured("/ignore", GREETING_STRUCTURED);
		assertThat(binary.statusCode()).isEqualTo(202);
		assertThat(binary.body()).isEmpty();
		assertThat(structured.statusCode()).isEqualTo(202);
		assertThat(structured.body()).isEmpty();
	}

	@Test
	void unparsable_data_is_400_which_knative_does_not_retry() throws Exception {
		HttpResponse<String> response = binary("/record", "application/json", "{\"sensor\":");
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(KnativeDeliveryTable.retried(response.statusCode())).isFalse();
	}

	@Test
	void a_structured_event_that_is_not_json_is_400_which_knative_does_not_retry() throws Exception {
		HttpResponse<String> response = structured("/describeEvent", "{\"specversion\":\"1.0\",");
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(KnativeDeliveryTable.retried(response.statusCode())).isFalse();
	}

	@Test
	void a_malformed_percent_encoding_is_400_which_knative_does_not_retry() throws Exception {
		HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(base + "/describeEvent"))
			.header("Ce-Id", "1").header("Ce-Specversion", "1.0").header("Ce-Type", "t").header("Ce-Source", "/a%2")
			.POST(BodyPublishers.ofString("x")).build(), BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(KnativeDeliveryTable.retried(response.statusCode())).isFalse();
	}

	@Test
	void data_of_a_type_the_function_cannot_read_is_415_which_knative_does_not_retry() throws Exception {
		HttpResponse<String> response = binary("/record", "image/png", "not json");
		assertThat(response.statusCode()).isEqualTo(415);
		assertThat(KnativeDeliveryTable.retried(response.statusCode())).isFalse();
	}

	@Test
	void an_event_over_the_body_limit_is_413_which_knative_does_not_retry() throws Exception {
		HttpResponse<String> response = binary("/accept", "text/plain", "x".repeat(5 * 1024));
		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(KnativeDeliveryTable.retried(response.statusCode())).isFalse();
	}

	@Test
	void a_function_error_is_500_which_knative_retries() throws Exception {
		HttpResponse<String> response = greetingBinary("/explode");
		assertThat(response.statusCode()).isEqualTo(500);
		assertThat(response.body()).contains("\"error\":\"function_error\"").doesNotContain("database is down");
		assertThat(response.headers().firstValue("ce-id")).isEmpty();
		assertThat(KnativeDeliveryTable.retried(response.statusCode())).isTrue();
	}

	@Test
	void an_options_probe_names_post_in_allow() throws Exception {
		// data-plane.md "HTTP Verbs": a recipient that answers OPTIONS MUST list POST in Allow.
		HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(base + "/describeEvent"))
			.method("OPTIONS", BodyPublishers.noBody()).build(), BodyHandlers.ofString());
		assertThat(response.headers().firstValue("allow")).hasValueSatisfying(allow -> assertThat(allow).contains("POST"));
	}

	private static HttpResponse<String> greetingBinary(String path) throws Exception {
		return binary(path, "application/json", "{\"msg\":\"Hello Knative!\"}");
	}

	private static HttpResponse<String> binary(String path, String contentType, String body) throws Exception {
		return client.send(HttpRequest.newBuilder(URI.create(base + path))
			.header("Ce-Id", "say-hello").header("Ce-Specversion", "1.0").header("Ce-Type", "greeting")
			.header("Ce-Source", "not-sendoff").header("Content-Type", contentType)
			.POST(BodyPublishers.ofString(body)).build(), BodyHandlers.ofString());
	}

	private static HttpResponse<String> structured(String path, String event) throws Exception {
		return client.send(HttpRequest.newBuilder(URI.create(base + path))
			.header("Content-Type", "application/cloudevents+json; charset=utf-8")
			.POST(BodyPublishers.ofString(event)).build(), BodyHandlers.ofString());
	}
}
