package dev.polyfn.messaging.azure;

import org.springframework.beans.factory.BeanRegistrar;
import org.springframework.beans.factory.BeanRegistry;
import org.springframework.core.env.Environment;

import dev.polyfn.core.messaging.MessagingProvider;

/**
 * The Storage queue provider as a lazy bean: made when function-core's {@code MessageDestinations} opens its first
 * alias, so a function that publishes nothing loads no SDK class.
 */
public final class StorageQueueMessagingBeans implements BeanRegistrar {

	@Override
	public void register(BeanRegistry registry, Environment env) {
		registry.registerBean("polyfnStorageQueueMessagingProvider", MessagingProvider.class,
				spec -> spec.lazyInit().supplier(beans -> new StorageQueueMessagingProvider()));
	}
}
