package dev.polyfn.core.storage;

/**
 * An implementation of {@link ObjectStorage} for one kind of service (S3, Azure Blob, ...), contributed as a bean
 * by its optional module; {@link StorageBuckets} asks it for a storage once per alias. The local file system's is
 * built in ({@link LocalFileStorage#PROVIDER}).
 */
public interface ObjectStorageProvider {

	/** What {@code polyfn.storage.<alias>.provider} names it by, e.g. {@code s3}. */
	String name();

	/**
	 * Whether it is the one to use on this cloud when an alias names no provider: {@code polyfn.cloud} is
	 * {@code aws}, {@code azure}, {@code gcp}, {@code aliyun}, {@code tencent} or {@code web}.
	 */
	boolean isDefaultFor(String cloud);

	/** A storage bound to the alias's bucket; called once per alias, the result is kept for the process. */
	ObjectStorage open(StorageSettings settings);
}
