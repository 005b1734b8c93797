package dev.polyfn.messaging.mns;

import org.springframework.beans.factory.BeanRegistrar;
import org.springframework.beans.factory.BeanRegistry;
import org.springframework.core.env.Environment;

import dev.polyfn.core.messaging.MessagingProvider;

/**
 * The MNS provider as a lazy bean: made when function-core's {@code MessageDestinations} opens its first alias, so an
 * application that has this module but a function that publishes nothing makes no HTTP client and loads no class of
 * this module beyond this registrar.
 */
public final class MnsMessagingBeans implements BeanRegistrar {

	@Override
	public void register(BeanRegistry registry, Environment env) {
		registry.registerBean("polyfnMnsMessagingProvider", MessagingProvider.class,
				spec -> spec.lazyInit().supplier(beans -> new MnsMessagingProvider()));
	}
}
