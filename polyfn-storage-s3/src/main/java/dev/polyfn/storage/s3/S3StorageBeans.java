package dev.polyfn.storage.s3;

import org.springframework.beans.factory.BeanRegistrar;
import org.springframework.beans.factory.BeanRegistry;
import org.springframework.core.env.Environment;

import dev.polyfn.core.storage.ObjectStorageProvider;

/**
 * The S3 providers (Amazon S3, and OSS and COS through their S3-compatible APIs) as lazy beans: made when function-core's {@code StorageBuckets} opens its first alias, so an
 * application that has this module but a function that uses no storage loads no SDK class.
 */
public final class S3StorageBeans implements BeanRegistrar {

	@Override
	public void register(BeanRegistry registry, Environment env) {
		registry.registerBean("polyfnS3StorageProvider", ObjectStorageProvider.class,
				spec -> spec.lazyInit().supplier(beans -> new S3StorageProvider()));
		registry.registerBean("polyfnOssStorageProvider", ObjectStorageProvider.class,
				spec -> spec.lazyInit().supplier(beans -> S3StorageProvider.alibabaOss()));
		registry.registerBean("polyfnCosStorageProvider", ObjectStorageProvider.class,
				spec -> spec.lazyInit().supplier(beans -> S3StorageProvider.tencentCos()));
	}
}
