package dev.polyfn.local.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.polyfn.local.MiniJson;

/** Sample events carry the overrides where each vendor puts them, and are recognised as that cloud's events. */
class SampleEventsTest {

	private static final EventSettings CAT = EventSettings.defaults().withBucket("uploads").withKey("cat photo.png");

	@Test
	void s3_put_names_the_bucket_and_the_url_encoded_key() {
		Map<?, ?> s3 = (Map<?, ?>) record(SampleEvents.of(Cloud.AWS, Trigger.STORAGE, CAT)).get("s3");

		assertThat(((Map<?, ?>) s3.get("bucket")).get("name")).isEqualTo("uploads");
		assertThat(((Map<?, ?>) s3.get("object")).get("key")).isEqualTo("cat+photo.png");
	}

	@Test
	void cos_put_names_the_key_under_app_id_and_bucket() {
		Map<?, ?> cos = (Map<?, ?>) record(SampleEvents.of(Cloud.TENCENT, Trigger.STORAGE, CAT)).get("cos");

		assertThat(((Map<?, ?>) cos.get("cosObject")).get("key")).isEqualTo("/1253970026/uploads/cat photo.png");
	}

	@Test
	void every_generated_event_is_recognised_as_its_clouds_own_and_a_raw_payload_is_not() {
		for (Cloud cloud : List.of(Cloud.AWS, Cloud.AZURE, Cloud.GCP, Cloud.ALIYUN, Cloud.TENCENT, Cloud.CONTAINER)) {
			for (Trigger trigger : Trigger.values()) {
				if (!SampleEvents.isPlainHttp(cloud, trigger)) {
					assertThat(SampleEvents.isCloudEvent(cloud, SampleEvents.of(cloud, trigger, CAT)))
						.as(cloud + " " + trigger).isTrue();
				}
			}
			assertThat(SampleEvents.isCloudEvent(cloud, "{\"numbers\":[2,3,4]}")).as(cloud + " raw payload").isFalse();
		}
	}

	private static Map<?, ?> record(String event) {
		return (Map<?, ?>) ((List<?>) ((Map<?, ?>) MiniJson.parse(event)).get("Records")).get(0);
	}
}
