package dev.polyfn.gcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.polyfn.core.boot.PolyfnRuntime;
import dev.polyfn.core.events.JsonEvents;
import dev.polyfn.core.http.HttpFunctionHandler;
import dev.polyfn.core.invoke.InvocationContext;
import dev.polyfn.core.model.PortableEvent;
import dev.polyfn.core.model.PortableHttpRequest;
import dev.polyfn.core.model.PortableHttpResponse;
import dev.polyfn.core.model.QueueMessage;
import dev.polyfn.core.model.StorageObjectEvent;
import dev.polyfn.core.testing.Fixtures;
import dev.polyfn.gcp.events.GcpEvents;
import dev.polyfn.gcp.events.LegacyEventTable;
import dev.polyfn.gcp.observe.ObservedEvents;
import dev.polyfn.gcp.observe.ObservingApplication;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Google's Functions Framework conformance data ({@code gcp/**}/conformance-*): every input, in CloudEvent and
 * in legacy form, reaches a function as the event the matching {@code *-cloudevent-output.json} describes.
 * polyfn functions take CloudEvents, so the CloudEvent output is the expectation for both input forms (the
 * {@code *-legacy-output*} files describe what a legacy "event, context" function sees; polyfn has none).
 */
class GcpConformanceFixturesTest {

	private static GcpCloudEventsFunction cloudEventsEntry;
	private static HttpFunctionHandler http;
	private static ObservedEvents observed;

	@BeforeAll
	static void startTheObservingFunction() {
		System.setProperty("polyfn.main-class", ObservingApplication.class.getName());
		cloudEventsEntry = new GcpCloudEventsFunction();
		PolyfnRuntime runtime = PolyfnRuntime.shared("gcp");
		http = runtime.http();
		observed = runtime.context().getBean(ObservedEvents.class);
	}

	@AfterAll
	static void stop() {
		PolyfnRuntime.closeShared();
		System.clearProperty("polyfn.main-class");
	}

	static Stream<Arguments> cloudEventInputs() {
		return conformanceCases("-cloudevent-input.json");
	}

	static Stream<Arguments> legacyInputs() {
		return conformanceCases("-legacy-input.json");
	}

	private static Stream<Arguments> conformanceCases(String inputSuffix) {
		return Fixtures.all("gcp").stream()
				.filter(path -> path.contains("/conformance-") && path.endsWith(inputSuffix))
				.map(input -> Arguments.of(input, input.replace(inputSuffix, "-cloudevent-output.json")));
	}

	@ParameterizedTest(name = "{0} through the CloudEvents entry is observed as {1}")
	@MethodSource("cloudEventInputs")
	void a_cloud_event_reaches_the_function_as_google_expects(String input, String output) {
		cloudEventsEntry.accept(StructuredCloudEvents.read(Fixtures.bytes(input)));

		assertObservedAs(observed.take(), JsonEvents.parse(Fixtures.bytes(output)));
	}

	@ParameterizedTest(name = "{0} posted to the HTTP entry is observed as {1}")
	@MethodSource("legacyInputs")
	void a_legacy_event_posted_over_http_reaches_the_function_as_google_expects(String input, String output) {
		PortableHttpRequest request = PortableHttpRequest.builder().method("POST").path("/")
				.header("Content-Type", "application/json").body(Fixtures.bytes(input)).build();

		PortableHttpResponse response = GcpEvents.handleIfEvent(request, http, InvocationContext.of("gcp", null, null))
				.orElseThrow(() -> new AssertionError(input + " was not recognised as a legacy event"));

		assertThat(response.status()).isEqualTo(200);
		assertObservedAs(observed.take(), JsonEvents.parse(Fixtures.bytes(output)));
	}

	@ParameterizedTest(name = "{0} converts to exactly {1}")
	@MethodSource("legacyInputs")
	void the_legacy_table_converts_to_googles_cloud_event_field_for_field(String input, String output) {
		PortableEvent converted = LegacyEventTable.toCloudEvent(JsonEvents.parse(Fixtures.bytes(input)));

		assertThat(asCloudEventJson(converted)).isEqualTo(JsonEvents.parse(Fixtures.bytes(output)));
	}

	@Test
	void a_structured_storage_event_from_google_cloudevents_becomes_a_storage_object_event() {
		cloudEventsEntry.accept(StructuredCloudEvents.read(
				Fixtures.bytes("gcp/storage/cloudevents-structured-StorageObjectDataWorkflows.json")));

		PortableEvent event = observed.take();
		assertThat(event.payload()).isEqualTo(new StorageObjectEvent("sample-bucket", "MyFile", 0L,
				"COu8mb3Dn+kCEAE=", "text/plain", StorageObjectEvent.Action.CREATED,
				OffsetDateTime.parse("2021-11-25T21:04:32.279744Z")));
		assertThat(event.extensions()).containsEntry("bucket", "sample-bucket");
	}

	@Test
	void a_binary_mode_pubsub_push_over_http_becomes_a_queue_message_with_the_decoded_body() {
		PortableHttpRequest request = PortableHttpRequest.builder().method("POST").path("/")
				.header("Content-Type", "application/json")
				.header("ce-specversion", "1.0").header("ce-id", "3103425958877813")
				.header("ce-source", "//pubsub.googleapis.com/projects/test-project/topics/my-topic")
				.header("ce-type", "google.cloud.pubsub.topic.v1.messagePublished")
				.header("ce-time", "2021-02-05T04:06:14.109Z")
				.body(Fixtures.bytes("gcp/pubsub/cloudevents-binary-data-MessagePublishedData-complex.json")).build();

		PortableHttpResponse response = GcpEvents.handleIfEvent(request, http, InvocationContext.of("gcp", null, null))
				.orElseThrow();

		assertThat(response.status()).isEqualTo(200);
		PortableEvent event = observed.take();
		assertThat(event.dataAsString()).isEqualTo("test message 3");
		assertThat(event.payload()).isEqualTo(new QueueMessage("message-id", "test message 3",
				Map.of("attr1", "attr1-value"), 1, "projects/test-project/topics/my-topic"));
	}

	@Test
	void a_structured_mode_pubsub_push_over_http_becomes_a_queue_message() {
		PortableHttpRequest request = PortableHttpRequest.builder().method("POST").path("/")
				.header("Content-Type", "application/cloudevents+json; charset=utf-8")
				.body(Fixtures.bytes("gcp/pubsub/cloudevents-structured-MessagePublishedData.json")).build();

		GcpEvents.handleIfEvent(request, http, InvocationContext.of("gcp", null, null)).orElseThrow();

		assertThat(observed.take().payload()).isEqualTo(new QueueMessage("message-id", "test message 3",
				Map.of("attr1", "attr1-value"), 1, "projects/test-project/topics/my-topic"));
	}

	@Test
	void a_deleted_object_event_in_binary_mode_is_a_deletion() {
		cloudEventsEntry.accept(io.cloudevents.core.builder.CloudEventBuilder.v1().withId("1")
				.withSource(java.net.URI.create("//storage.googleapis.com/projects/_/buckets/sample-bucket"))
				.withType("google.cloud.storage.object.v1.deleted").withSubject("objects/MyFile")
				.withDataContentType("application/json")
				.withData(Fixtures.bytes("gcp/storage/cloudevents-binary-data-StorageObjectData-complex.json")).build());

		StorageObjectEvent object = (StorageObjectEvent) observed.take().payload();
		assertThat(object.action()).isEqualTo(StorageObjectEvent.Action.DELETED);
		assertThat(object.key()).isEqualTo("MyFile");
		assertThat(object.bucket()).isEqualTo("sample-bucket");
	}

	@Test
	void a_pubsub_message_whose_data_is_not_base64_fails_the_event_naming_the_field() {
		ObjectNode event = (ObjectNode) JsonEvents.parse(
				Fixtures.bytes("gcp/pubsub/cloudevents-structured-MessagePublishedData.json"));
		((ObjectNode) event.get("data").get("message")).put("data", "not base64!");

		assertThatThrownBy(() -> cloudEventsEntry.accept(StructuredCloudEvents.read(JsonEvents.toBytes(event))))
				.hasMessageContaining("did not process event 3103425958877813")
				.hasMessageContaining("400")
				.hasMessageContaining("message.data is not valid base64");
	}

	@Test
	void a_plain_json_body_over_http_is_not_taken_for_an_event() {
		PortableHttpRequest request = PortableHttpRequest.builder().method("POST").path("/")
				.header("Content-Type", "application/json")
				.body(Fixtures.bytes("gcp/storage/cloudevents-binary-data-StorageObjectData-complex.json")).build();

		assertThat(GcpEvents.fromHttp(request)).isEmpty();
	}

	/**
	 * The observed event against Google's expected CloudEvent. Attributes match as they are. The data matches as
	 * it is, except for Pub/Sub, where a function is handed the message itself: its decoded {@code message.data}
	 * as the event data, and a {@link QueueMessage} with the message id and attributes (the protobuf
	 * {@code @type} URL and the envelope's content type describe the wrapper, which the function does not get).
	 */
	private static void assertObservedAs(PortableEvent event, JsonNode expected) {
		assertThat(event.id()).isEqualTo(JsonEvents.text(expected, "id"));
		assertThat(event.source()).isEqualTo(JsonEvents.text(expected, "source"));
		assertThat(event.type()).isEqualTo(JsonEvents.text(expected, "type"));
		assertThat(event.subject()).isEqualTo(JsonEvents.text(expected, "subject"));
		assertThat(event.time()).isEqualTo(OffsetDateTime.parse(JsonEvents.text(expected, "time")));
		JsonNode data = expected.get("data");
		if (event.type().startsWith("google.cloud.pubsub.")) {
			JsonNode message = data.get("message");
			byte[] body = Base64.getDecoder().decode(JsonEvents.text(message, "data"));
			Map<String, String> attributes = new LinkedHashMap<>();
			if (message.has("attributes")) {
				message.get("attributes").properties().forEach(a -> attributes.put(a.getKey(), a.getValue().asString()));
			}
			assertThat(event.data()).isEqualTo(body);
			assertThat(event.time()).isEqualTo(OffsetDateTime.parse(JsonEvents.text(message, "publishTime")));
			assertThat(event.payload()).isEqualTo(new QueueMessage(JsonEvents.text(message, "messageId"),
					new String(body, StandardCharsets.UTF_8), attributes, 1,
					JsonEvents.text(expected, "source").substring("//pubsub.googleapis.com/".length())));
			return;
		}
		assertThat(event.dataContentType()).isEqualTo(JsonEvents.text(expected, "datacontenttype"));
		assertThat(JsonEvents.parse(event.data())).isEqualTo(data);
		if (event.type().startsWith("google.cloud.storage.object.v1.")) {
			assertThat(event.payload()).isEqualTo(new StorageObjectEvent(JsonEvents.text(data, "bucket"),
					JsonEvents.text(data, "name"), JsonEvents.longValue(data, "size"), JsonEvents.text(data, "etag"),
					JsonEvents.text(data, "contentType"), StorageObjectEvent.Action.CREATED, event.time()));
		}
		else {
			assertThat(event.payload()).isNull();
		}
	}

	/** A converted event in the CloudEvents JSON format, the form the conformance outputs are written in. */
	private static JsonNode asCloudEventJson(PortableEvent event) {
		ObjectNode json = JsonEvents.object();
		json.put("specversion", "1.0");
		json.put("type", event.type());
		json.put("source", event.source());
		if (event.subject() != null) {
			json.put("subject", event.subject());
		}
		json.put("id", event.id());
		json.put("time", event.time().toString());
		json.put("datacontenttype", event.dataContentType());
		json.set("data", JsonEvents.parse(event.data()));
		return json;
	}
}
