package dev.polyfn.messaging.aws;

import org.springframework.beans.factory.BeanRegistrar;
import org.springframework.beans.factory.BeanRegistry;
import org.springframework.core.env.Environment;

import dev.polyfn.core.messaging.MessagingProvider;

/**
 * The SQS and SNS providers as lazy beans: made when function-core's {@code MessageDestinations} opens its first
 * alias, so an application that has this module but a function that publishes nothing loads no SDK class.
 */
public final class AwsMessagingBeans implements BeanRegistrar {

	@Override
	public void register(BeanRegistry registry, Environment env) {
		registry.registerBean("polyfnSqsMessagingProvider", MessagingProvider.class,
				spec -> spec.lazyInit().supplier(beans -> new SqsMessagingProvider()));
		registry.registerBean("polyfnSnsMessagingProvider", MessagingProvider.class,
				spec -> spec.lazyInit().supplier(beans -> new SnsMessagingProvider()));
	}
}
