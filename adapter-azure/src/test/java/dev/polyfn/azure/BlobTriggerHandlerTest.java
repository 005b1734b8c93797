package dev.polyfn.azure;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import dev.polyfn.azure.host.FunctionsHost;
import dev.polyfn.azure.host.JavaWorker;
import dev.polyfn.core.events.JsonEvents;
import dev.polyfn.core.model.PortableEvent;
import dev.polyfn.core.model.StorageObjectEvent;
import dev.polyfn.core.testing.Fixtures;
import tools.jackson.databind.JsonNode;

/**
 * The blob the Event Grid BlobCreated fixture describes (testcontainer/file1.txt, text/plain, 447 bytes), as the
 * blob trigger delivers it: its bytes, its path as {@code BlobTrigger} and its {@code BlobProperties} as JSON.
 */
class BlobTriggerHandlerTest {

	private static final String BLOB_CREATED = "azure/blob/sdk-java-eventgrid-StorageBlobCreatedEvent.json";

	private final BlobTriggerHandler handler = new BlobTriggerHandler(AzureTestSupport.functions());

	@Test
	void a_new_blob_reaches_the_function_as_a_storage_object_event_with_its_bytes() {
		JsonNode event = JsonEvents.parse(Fixtures.bytes(BLOB_CREATED)).get(0);
		String subject = JsonEvents.text(event, "subject");
		String name = subject.replaceFirst("^.*/blobs/", "");
		byte[] content = "a".repeat(JsonEvents.longValue(event, "data", "contentLength").intValue())
				.getBytes(StandardCharsets.UTF_8);

		JavaWorker.Outcome outcome = JavaWorker.invoke(handler, FunctionsHost.blobInvocation("planThumbnail", "content",
				"https://account.blob.core.windows.net", new FunctionsHost.Blob("testcontainer", name, content,
						JsonEvents.text(event, "data", "contentType"), "2017-06-26T18:41:00+00:00")));

		assertThat(outcome.failure()).isNull();
		PortableEvent received = AzureTestSupport.recorder().last(PortableEvent.class);
		assertThat(received.data()).isEqualTo(content);
		assertThat(received.dataContentType()).isEqualTo("text/plain");
		StorageObjectEvent blob = (StorageObjectEvent) received.payload();
		assertThat(blob.bucket()).isEqualTo("testcontainer");
		assertThat(blob.key()).isEqualTo("file1.txt");
		assertThat(blob.size()).isEqualTo(447L);
		// The trigger's ETag is a struct Newtonsoft writes as {}: no etag rather than the text "{}".
		assertThat(blob.etag()).isNull();
		assertThat(blob.contentType()).isEqualTo("text/plain");
		assertThat(blob.created()).isTrue();
	}
}
