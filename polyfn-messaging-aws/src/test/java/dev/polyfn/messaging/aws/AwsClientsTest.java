package dev.polyfn.messaging.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.polyfn.core.messaging.MessagingSettings;

/** Where an alias's calls go: the settings first, then the variables every AWS SDK reads, then the region's endpoint. */
class AwsClientsTest {

	private static AwsClients sqs(Map<String, String> properties) {
		return AwsClients.of(new MessagingSettings("results", "q", MessagingSettings.Kind.QUEUE, "sqs", properties::get), "SQS", "sqs");
	}

	@Test
	void without_overrides_the_calls_go_to_the_regions_endpoint() {
		assertThat(sqs(Map.of("AWS_REGION", "eu-west-1")).endpoint()).hasToString("https://sqs.eu-west-1.amazonaws.com/");
	}

	@Test
	void the_service_variable_wins_over_the_general_one() {
		assertThat(sqs(Map.of("AWS_REGION", "eu-west-1", "AWS_ENDPOINT_URL", "http://127.0.0.1:1", "AWS_ENDPOINT_URL_SQS",
				"http://127.0.0.1:2")).endpoint()).hasToString("http://127.0.0.1:2/");
	}

	@Test
	void the_endpoint_setting_wins_over_the_variables() {
		assertThat(sqs(Map.of("AWS_REGION", "eu-west-1", "AWS_ENDPOINT_URL_SQS", "http://127.0.0.1:2",
				"polyfn.messaging.sqs.endpoint", "http://127.0.0.1:3")).endpoint()).hasToString("http://127.0.0.1:3/");
	}

	@Test
	void the_region_setting_wins_over_aws_region() {
		assertThat(sqs(Map.of("AWS_REGION", "eu-west-1", "polyfn.messaging.results.region", "ap-south-1")).region()).isEqualTo("ap-south-1");
	}

	@Test
	void an_endpoint_with_a_path_keeps_it() {
		assertThat(sqs(Map.of("AWS_REGION", "eu-west-1", "AWS_ENDPOINT_URL", "http://gateway.local/aws/")).endpoint())
			.hasToString("http://gateway.local/aws/");
	}

	@Test
	void no_region_anywhere_fails_to_open_naming_the_settings() {
		assertThatThrownBy(() -> sqs(Map.of("HOME", "/nonexistent", "AWS_CONFIG_FILE", "/nonexistent/config")))
			.isInstanceOf(IllegalStateException.class)
			.hasMessage("Messaging 'results' has no region for its SQS client: set AWS_REGION or polyfn.messaging.results.region");
	}
}
