package dev.polyfn.aws.events;

import static dev.polyfn.aws.TestRuntimes.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;

import org.junit.jupiter.api.Test;

import dev.polyfn.core.model.StorageObjectEvent;
import tools.jackson.databind.node.ObjectNode;

class S3ShapeTest {

	private final S3Shape shape = new S3Shape();

	@Test
	void url_encoded_key_is_decoded() {
		var event = shape.toEvents(fixture("aws/s3/go-s3-event.json")).get(0);
		assertThat(event.payload()).isEqualTo(new StorageObjectEvent("sourcebucket", "Happy Face.jpg", 1024L,
				"d41d8cd98f00b204e9800998ecf8427e", null, StorageObjectEvent.Action.CREATED,
				OffsetDateTime.parse("1970-01-01T00:00:00.123Z")));
	}

	@Test
	void plus_in_a_key_means_a_space() {
		var record = (ObjectNode) fixture("aws/s3/go-s3-event.json");
		((ObjectNode) record.get("Records").get(0).get("s3").get("object")).put("key", "reports/my+file%2B1.txt");
		var object = (StorageObjectEvent) shape.toEvents(record).get(0).payload();
		assertThat(object.key()).isEqualTo("reports/my file+1.txt");
	}

	@Test
	void event_version_2_1_record_gives_bucket_key_and_size() {
		var object = (StorageObjectEvent) shape.toEvents(fixture("aws/s3/powertools-s3Event.json")).get(0).payload();
		assertThat(object.key() + " " + object.size()).isEqualTo("b21b84d653bb07b05b1e6b33684dc11b 1305107");
	}
}
