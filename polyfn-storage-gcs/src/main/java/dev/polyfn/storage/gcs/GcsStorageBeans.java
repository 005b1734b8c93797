package dev.polyfn.storage.gcs;

import org.springframework.beans.factory.BeanRegistrar;
import org.springframework.beans.factory.BeanRegistry;
import org.springframework.core.env.Environment;

import dev.polyfn.core.storage.ObjectStorageProvider;

/** The Cloud Storage provider as a lazy bean: made when function-core's {@code StorageBuckets} opens its first alias. */
public final class GcsStorageBeans implements BeanRegistrar {

	@Override
	public void register(BeanRegistry registry, Environment env) {
		registry.registerBean("polyfnGcsStorageProvider", ObjectStorageProvider.class,
				spec -> spec.lazyInit().supplier(beans -> new GcsStorageProvider()));
	}
}
