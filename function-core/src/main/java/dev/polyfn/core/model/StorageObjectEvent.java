package dev.polyfn.core.model;

import java.time.OffsetDateTime;

/**
 * An object was created or deleted in a bucket (S3, Blob Storage, Cloud Storage, OSS, COS).
 *
 * @param bucket the bucket or container name
 * @param key the object key, URL-decoded and without any cloud-specific prefix
 * @param size size in bytes, null when the cloud does not say (deletions)
 * @param etag the entity tag, null when the cloud does not say
 * @param contentType the object's content type, null when the cloud does not say
 * @param action what happened to the object
 * @param time when it happened, null when the cloud does not say
 */
public record StorageObjectEvent(String bucket, String key, Long size, String etag, String contentType,
		Action action, OffsetDateTime time) {

	public enum Action {
		CREATED, DELETED
	}

	public boolean created() {
		return action == Action.CREATED;
	}
}
