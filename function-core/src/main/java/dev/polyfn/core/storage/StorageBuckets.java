package dev.polyfn.core.storage;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The storage aliases of the application, resolved from settings so that the same function bean runs on every
 * cloud: {@code polyfn.storage.uploads.bucket=my-bucket-123} (or {@code POLYFN_STORAGE_UPLOADS_BUCKET}) binds
 * the alias {@code uploads}; {@code polyfn.storage.uploads.provider} optionally names the implementation
 * ({@code local}, {@code s3}, ...). Without it, the provider module that serves the cloud the function runs on
 * (say polyfn-storage-s3 on AWS), and in web mode the local file system. A function asks for it by injection:
 * {@code @Bean Function<StorageObjectEvent, String> f(StorageBuckets storage)}, then
 * {@code storage.bucket("uploads")}.
 */
public final class StorageBuckets {

	private static final Logger log = LoggerFactory.getLogger(StorageBuckets.class);


	private final UnaryOperator<String> properties;
	private final String cloud;
	private final Supplier<List<ObjectStorageProvider>> providers;
	private final Map<String, ObjectStorage> open = new ConcurrentHashMap<>();

	/**
	 * @param properties the application's settings by name (null when unset)
	 * @param cloud what {@code polyfn.cloud} says: the cloud the function runs on, {@code web} in web mode
	 * @param providers the provider beans of the optional storage modules, asked for on the first alias
	 */
	public StorageBuckets(UnaryOperator<String> properties, String cloud, Supplier<List<ObjectStorageProvider>> providers) {
		this.properties = properties;
		this.cloud = cloud == null ? "web" : cloud;
		this.providers = providers;
	}

	/** The storage bound to the alias's bucket, opened on first use and kept. */
	public ObjectStorage bucket(String alias) {
		if (alias == null || !StorageSettings.ALIAS.matcher(alias).matches()) {
			throw new IllegalArgumentException("A storage alias is lower-case letters, digits and '-', starting with a letter: "
					+ dev.polyfn.core.invoke.CallerText.excerpt(alias, 100));
		}
		return open.computeIfAbsent(alias, this::open);
	}

	private ObjectStorage open(String alias) {
		String bucket = setting(alias, "bucket");
		if (bucket == null) {
			throw new IllegalStateException("No bucket for storage '" + alias + "': set " + StorageSettings.PREFIX + alias
					+ ".bucket (or the environment variable " + StorageSettings.environmentVariable(alias, "bucket") + ")");
		}
		ObjectStorageProvider provider = provider(alias, setting(alias, "provider"));
		ObjectStorage storage = provider.open(new StorageSettings(alias, bucket, provider.name(), properties));
		log.debug("Storage '{}' is bucket '{}' through the {} provider", alias, bucket, provider.name());
		return storage;
	}

	private ObjectStorageProvider provider(String alias, String named) {
		List<ObjectStorageProvider> available = providers.get();
		if (named != null) {
			if (named.equals(LocalFileStorage.PROVIDER.name())) {
				return LocalFileStorage.PROVIDER;
			}
			return available.stream().filter(p -> p.name().equals(named)).findFirst()
				.orElseThrow(() -> new IllegalStateException(StorageSettings.PREFIX + alias + ".provider is '" + named
						+ "', but the application has only local and " + names(available) + ": add the module of that provider"));
		}
		List<ObjectStorageProvider> forCloud = available.stream().filter(p -> p.isDefaultFor(cloud)).toList();
		if (forCloud.size() == 1) {
			return forCloud.get(0);
		}
		if (forCloud.size() > 1) {
			throw new IllegalStateException("Several storage providers serve " + cloud + " (" + names(forCloud)
					+ "): choose one with " + StorageSettings.PREFIX + alias + ".provider");
		}
		if (cloud.equals("web")) {
			return LocalFileStorage.PROVIDER;
		}
		// Falling back to the local file system on a cloud would write to an instance's scratch disk and lose it.
		throw new IllegalStateException("No storage provider for " + cloud + " (storage '" + alias + "'): add the polyfn-storage "
				+ "module for this cloud, or set " + StorageSettings.PREFIX + alias + ".provider=local");
	}

	private String setting(String alias, String name) {
		String value = properties.apply(StorageSettings.PREFIX + alias + "." + name);
		return value == null || value.isBlank() ? null : value.trim();
	}

	private static String names(List<ObjectStorageProvider> providers) {
		return providers.stream().map(ObjectStorageProvider::name).toList().toString();
	}

}
