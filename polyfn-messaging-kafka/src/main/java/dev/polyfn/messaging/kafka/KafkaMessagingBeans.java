package dev.polyfn.messaging.kafka;

import org.springframework.beans.factory.BeanRegistrar;
import org.springframework.beans.factory.BeanRegistry;
import org.springframework.core.env.Environment;

import dev.polyfn.core.messaging.MessagingProvider;

/**
 * The Kafka provider as a lazy bean: made when function-core's {@code MessageDestinations} opens its first alias, so
 * an application that has this module but a function that publishes nothing loads no Kafka class. Spring closes it
 * (and so its producers) when the context shuts down.
 */
public final class KafkaMessagingBeans implements BeanRegistrar {

	@Override
	public void register(BeanRegistry registry, Environment env) {
		registry.registerBean("polyfnKafkaMessagingProvider", MessagingProvider.class,
				spec -> spec.lazyInit().supplier(beans -> new KafkaMessagingProvider()));
	}
}
