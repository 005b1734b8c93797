package dev.polyfn.core.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class MessageDestinationsTest {

	private final Map<String, String> properties = new HashMap<>();

	/** A provider for one cloud that serves one kind of destination (null: both). */
	private record NamedProvider(String name, String cloud, MessagingSettings.Kind serves) implements MessagingProvider {

		@Override
		public boolean isDefaultFor(String of, MessagingSettings.Kind kind) {
			return cloud.equals(of) && (serves == null || serves == kind);
		}

		@Override
		public MessageDestination open(MessagingSettings settings) {
			return new MessageDestination() {
				@Override
				public String name() {
					return name + ":" + settings.destination();
				}

				@Override
				public PublishResult publish(Message message) {
					return new PublishResult(name);
				}
			};
		}
	}

	private MessageDestinations destinations(String cloud, MessagingProvider... providers) {
		return new MessageDestinations(properties::get, cloud, () -> List.of(providers));
	}

	@Test
	void an_alias_without_a_destination_setting_is_the_destination_name() {
		assertThat(destinations("aws", new NamedProvider("sqs", "aws", null)).destination("order-results").name())
			.isEqualTo("sqs:order-results");
	}

	@Test
	void the_destination_setting_binds_the_alias_to_the_real_name() {
		properties.put("polyfn.messaging.order-results.destination", "prod-results-1");

		assertThat(destinations("aws", new NamedProvider("sqs", "aws", null)).destination("order-results").name())
			.isEqualTo("sqs:prod-results-1");
	}

	@Test
	void the_kind_chooses_between_two_services_of_one_cloud() {
		properties.put("polyfn.messaging.alerts.kind", "topic");
		MessageDestinations destinations = destinations("aws", new NamedProvider("sns", "aws", MessagingSettings.Kind.TOPIC),
				new NamedProvider("sqs", "aws", MessagingSettings.Kind.QUEUE));

		assertThat(List.of(destinations.destination("alerts").name(), destinations.destination("results").name()))
			.containsExactly("sns:alerts", "sqs:results");
	}

	@Test
	void a_kind_that_is_neither_queue_nor_topic_names_the_setting() {
		properties.put("polyfn.messaging.alerts.kind", "stream");

		assertThatThrownBy(() -> destinations("web").destination("alerts")).hasMessageContaining("polyfn.messaging.alerts.kind");
	}

	@Test
	void a_named_provider_wins_over_the_clouds_default() {
		properties.put("polyfn.messaging.alerts.provider", "local");

		assertThat(destinations("aws", new NamedProvider("sqs", "aws", null)).destination("alerts").name()).isEqualTo("alerts");
	}

	@Test
	void web_mode_without_a_module_publishes_in_memory() {
		assertThat(destinations("web").destination("alerts").publish(Message.text("hot")).messageId()).startsWith("local-");
	}

	@Test
	void a_cloud_without_a_module_fails_naming_the_setting_rather_than_dropping_messages_in_memory() {
		assertThatThrownBy(() -> destinations("gcp").destination("alerts")).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("polyfn-messaging").hasMessageContaining("polyfn.messaging.alerts.provider=local");
	}

	@Test
	void a_provider_named_but_missing_says_which_providers_there_are() {
		properties.put("polyfn.messaging.alerts.provider", "kafka");

		assertThatThrownBy(() -> destinations("tencent", new NamedProvider("sqs", "aws", null)).destination("alerts"))
			.hasMessageContaining("'kafka'").hasMessageContaining("[sqs]");
	}

	@Test
	void an_alias_that_is_not_a_lower_case_name_is_refused() {
		assertThatThrownBy(() -> destinations("web").destination("../Alerts")).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void a_destination_is_opened_once_per_alias() {
		MessageDestinations destinations = destinations("web");

		assertThat(destinations.destination("alerts")).isSameAs(destinations.destination("alerts"));
	}
}
