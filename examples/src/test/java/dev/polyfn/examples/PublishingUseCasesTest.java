package dev.polyfn.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.polyfn.core.messaging.LocalMessaging;
import dev.polyfn.core.messaging.Message;
import dev.polyfn.core.messaging.MessageDestination;
import dev.polyfn.core.messaging.MessageDestinations;
import dev.polyfn.core.messaging.MessagingException;
import dev.polyfn.core.messaging.MessagingProvider;
import dev.polyfn.core.messaging.MessagingSettings;
import dev.polyfn.core.messaging.PublishResult;

/** What processOrder and temperatureAlert publish, and what happens when the publish fails. */
class PublishingUseCasesTest {

	private final MessageDestinations local = new MessageDestinations(name -> null, "web", List::of);

	@AfterEach
	void forget() {
		LocalMessaging.PROVIDER.clear();
	}

	@Test
	void an_order_publishes_its_result_as_json_with_its_type_and_status() {
		new OrderFunction(new Inventory(Map.of("apple", 10)), local).apply(new OrderFunction.Order("o-1", "apple", 4));

		assertThat(LocalMessaging.PROVIDER.published("order-results")).singleElement().satisfies(m -> {
			assertThat(m.bodyText()).isEqualTo("{\"orderId\":\"o-1\",\"status\":\"CONFIRMED\",\"sku\":\"apple\",\"quantity\":4,"
					+ "\"remainingStock\":6,\"reason\":null}");
			assertThat(m.attributes()).isEqualTo(Map.of("type", "order-result", "status", "CONFIRMED"));
		});
	}

	@Test
	void a_rejected_order_is_published_too() {
		new OrderFunction(new Inventory(Map.of("pear", 1)), local).apply(new OrderFunction.Order("o-2", "pear", 2));

		assertThat(LocalMessaging.PROVIDER.published("order-results")).singleElement()
			.satisfies(m -> assertThat(m.attributes()).containsEntry("status", "REJECTED"));
	}

	@Test
	void an_order_that_is_not_an_order_publishes_nothing() {
		assertThatThrownBy(() -> new OrderFunction(new Inventory(Map.of()), local).apply(new OrderFunction.Order(null, "x", 1)));

		assertThat(LocalMessaging.PROVIDER.published("order-results")).isEmpty();
	}

	@Test
	void an_order_whose_result_cannot_be_published_fails_and_its_redelivery_reserves_nothing_more() {
		Inventory inventory = new Inventory(Map.of("apple", 10));
		OrderFunction orders = new OrderFunction(inventory, failingOnce());
		OrderFunction.Order order = new OrderFunction.Order("o-9", "apple", 4);

		assertThatThrownBy(() -> orders.apply(order)).isInstanceOf(MessagingException.Throttled.class);
		OrderFunction.OrderResult redelivered = orders.apply(order);

		assertThat(List.of(redelivered.status(), inventory.available("apple"))).containsExactly("CONFIRMED", 6);
	}

	@Test
	void a_reading_above_the_threshold_publishes_one_alert() {
		new TemperatureAlertFunction(30, local).apply(new TemperatureAlertFunction.Reading("dev-1", 31.5));

		assertThat(LocalMessaging.PROVIDER.published("alerts")).singleElement()
			.satisfies(m -> assertThat(m.attributes()).isEqualTo(Map.of("type", "temperature-alert", "deviceId", "dev-1")));
	}

	@Test
	void a_reading_at_the_threshold_publishes_nothing() {
		new TemperatureAlertFunction(30, local).apply(new TemperatureAlertFunction.Reading("dev-1", 30.0));

		assertThat(LocalMessaging.PROVIDER.published("alerts")).isEmpty();
	}

	/** Messaging whose first publish is throttled and whose later ones succeed. */
	private static MessageDestinations failingOnce() {
		AtomicInteger calls = new AtomicInteger();
		MessagingProvider provider = new MessagingProvider() {
			@Override
			public String name() {
				return "flaky";
			}

			@Override
			public boolean isDefaultFor(String cloud, MessagingSettings.Kind kind) {
				return true;
			}

			@Override
			public MessageDestination open(MessagingSettings settings) {
				return new MessageDestination() {
					@Override
					public String name() {
						return settings.destination();
					}

					@Override
					public PublishResult publish(Message message) {
						if (calls.getAndIncrement() == 0) {
							throw new MessagingException.Throttled(settings.alias(), null);
						}
						return new PublishResult("m-" + calls.get());
					}
				};
			}
		};
		return new MessageDestinations(name -> null, "aws", () -> List.of(provider));
	}
}
