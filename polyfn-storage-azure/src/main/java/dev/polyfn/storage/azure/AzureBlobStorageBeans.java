package dev.polyfn.storage.azure;

import org.springframework.beans.factory.BeanRegistrar;
import org.springframework.beans.factory.BeanRegistry;
import org.springframework.core.env.Environment;

import dev.polyfn.core.storage.ObjectStorageProvider;

/**
 * The Blob Storage provider as a lazy bean: made when function-core's {@code StorageBuckets} opens its first alias,
 * so a function that uses no storage loads no SDK class.
 */
public final class AzureBlobStorageBeans implements BeanRegistrar {

	@Override
	public void register(BeanRegistry registry, Environment env) {
		registry.registerBean("polyfnAzureBlobStorageProvider", ObjectStorageProvider.class,
				spec -> spec.lazyInit().supplier(beans -> new AzureBlobStorageProvider()));
	}
}
