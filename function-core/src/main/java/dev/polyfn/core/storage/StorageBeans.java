package dev.polyfn.core.storage;

import org.springframework.beans.factory.BeanRegistrar;
import org.springframework.beans.factory.BeanRegistry;
import org.springframework.core.env.Environment;

/**
 * {@link StorageBuckets} as a lazy bean: made when a function that takes it is made, never for one that does not
 * (no provider asked for, no client built, no class of a storage module loaded). Registered by polyfn's own beans
 * under both bootstraps.
 */
public final class StorageBeans implements BeanRegistrar {

	@Override
	public void register(BeanRegistry registry, Environment env) {
		registry.registerBean("polyfnStorageBuckets", StorageBuckets.class, spec -> spec.lazyInit()
			.supplier(beans -> new StorageBuckets(env::getProperty, env.getProperty("polyfn.cloud", "web"),
					() -> beans.beanProvider(ObjectStorageProvider.class).orderedStream().toList())));
	}
}
