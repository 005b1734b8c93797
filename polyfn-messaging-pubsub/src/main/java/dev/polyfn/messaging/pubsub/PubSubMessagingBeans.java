package dev.polyfn.messaging.pubsub;

import org.springframework.beans.factory.BeanRegistrar;
import org.springframework.beans.factory.BeanRegistry;
import org.springframework.core.env.Environment;

import dev.polyfn.core.messaging.MessagingProvider;

/**
 * The Pub/Sub provider as a lazy bean: made when function-core's {@code MessageDestinations} opens its first alias,
 * so a function that never publishes builds no HTTP client and loads no class of this module but this one.
 */
public final class PubSubMessagingBeans implements BeanRegistrar {

	@Override
	public void register(BeanRegistry registry, Environment env) {
		registry.registerBean("polyfnPubSubMessagingProvider", MessagingProvider.class,
				spec -> spec.lazyInit().supplier(beans -> new PubSubMessagingProvider()));
	}
}
