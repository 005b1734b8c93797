package dev.polyfn.azure;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import dev.polyfn.azure.AzureTestSupport.Invocation;
import dev.polyfn.core.events.JsonEvents;
import dev.polyfn.core.model.PortableEvent;
import dev.polyfn.core.model.StorageObjectEvent;
import dev.polyfn.core.testing.Fixtures;
import tools.jackson.databind.JsonNode;

/**
 * The Event Grid BlobCreated event names the blob (subject .../containers/testcontainer/blobs/file1.txt) and
 * carries its properties: the blob trigger gets the same facts as {@code BlobTrigger} path and
 * {@code Properties} metadata, and the blob's bytes.
 */
class BlobTriggerHandlerTest {

	private static final String BLOB_CREATED = "azure/blob/sdk-java-eventgrid-StorageBlobCreatedEvent.json";

	private final BlobTriggerHandler handler = new BlobTriggerHandler(AzureTestSupport.functions());

	@Test
	void a_new_blob_reaches_the_function_as_a_storage_object_event_with_its_bytes() {
		JsonNode event = JsonEvents.parse(Fixtures.bytes(BLOB_CREATED)).get(0);
		String subject = JsonEvents.text(event, "subject");
		String blobPath = subject.replaceFirst("^/blobServices/default/containers/([^/]+)/blobs/", "$1/");
		byte[] content = "hello blob".getBytes(StandardCharsets.UTF_8);

		handler.run(content, blobPath, JsonEvents.at(event, "data").toString(),
				new Invocation("planThumbnail", "inv-b1").context);

		PortableEvent received = AzureTestSupport.recorder().last(PortableEvent.class);
		assertThat(received.data()).isEqualTo(content);
		assertThat(received.dataContentType()).isEqualTo("text/plain");
		StorageObjectEvent blob = (StorageObjectEvent) received.payload();
		assertThat(blob.bucket()).isEqualTo("testcontainer");
		assertThat(blob.key()).isEqualTo("file1.txt");
		assertThat(blob.size()).isEqualTo(447L);
		assertThat(blob.etag()).isEqualTo("0x8D4E44A24ABE7F1");
		assertThat(blob.contentType()).isEqualTo("text/plain");
		assertThat(blob.created()).isTrue();
	}
}
