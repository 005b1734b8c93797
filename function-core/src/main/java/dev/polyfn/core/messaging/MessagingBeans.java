package dev.polyfn.core.messaging;

import org.springframework.beans.factory.BeanRegistrar;
import org.springframework.beans.factory.BeanRegistry;
import org.springframework.core.env.Environment;

/**
 * {@link MessageDestinations} as a lazy bean: made when a function that takes it is made, never for one that does not
 * (no provider asked for, no client built, no class of a messaging module loaded). Registered by polyfn's own beans
 * under both bootstraps.
 */
public final class MessagingBeans implements BeanRegistrar {

	@Override
	public void register(BeanRegistry registry, Environment env) {
		registry.registerBean("polyfnMessageDestinations", MessageDestinations.class, spec -> spec.lazyInit()
			.supplier(beans -> new MessageDestinations(env::getProperty, env.getProperty("polyfn.cloud", "web"),
					() -> beans.beanProvider(MessagingProvider.class).orderedStream().toList())));
	}
}
