package dev.polyfn.storage.s3;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.CopyObjectResponse;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Object;

import dev.polyfn.core.storage.ObjectContent;
import dev.polyfn.core.storage.ObjectKeys;
import dev.polyfn.core.storage.ObjectListing;
import dev.polyfn.core.storage.ObjectMetadata;
import dev.polyfn.core.storage.ObjectStorage;
import dev.polyfn.core.storage.ObjectSummary;
import dev.polyfn.core.storage.PutOptions;
import dev.polyfn.core.storage.PutResult;
import dev.polyfn.core.storage.StorageException;

/**
 * One bucket of S3 (or of an S3-compatible server) as an {@link ObjectStorage}. Conditional writes are S3's own
 * {@code If-None-Match: *} and {@code If-Match} on PutObject and CompleteMultipartUpload (Amazon S3 User Guide,
 * "Add preconditions to S3 operations with conditional requests", read 2026-12-03), so they hold against every
 * other writer, not only this process.
 */
final class S3ObjectStorage implements ObjectStorage {

	/** S3's smallest part but the last is 5 MiB; 8 MiB keeps a 128 MB Lambda comfortable and a 1 GB upload at 128 parts. */
	static final int DEFAULT_PART_SIZE = 8 * 1024 * 1024;

	static final int MIN_PART_SIZE = 5 * 1024 * 1024;

	private final S3Client s3;
	private final String bucket;
	private final String label;
	private final int partSize;

	S3ObjectStorage(S3Client s3, String bucket, String label, int partSize) {
		if (partSize < MIN_PART_SIZE) {
			throw new IllegalArgumentException("S3 parts are at least " + MIN_PART_SIZE + " bytes, not " + partSize);
		}
		this.s3 = s3;
		this.bucket = bucket;
		this.label = label;
		this.partSize = partSize;
	}

	@Override
	public String bucket() {
		return bucket;
	}

	@Override
	public ObjectContent get(String key) {
		ObjectKeys.requireSafe(key);
		try {
			ResponseInputStream<GetObjectResponse> stream = s3.getObject(r -> r.bucket(bucket).key(key));
			GetObjectResponse response = stream.response();
			ObjectMetadata metadata = new ObjectMetadata(response.contentLength(), response.contentType(), response.eTag(),
					response.lastModified(), response.metadata());
			return new ObjectContent(label, key, metadata, stream);
		}
		catch (SdkException failed) {
			throw S3Failures.translate(label, key, "read", failed);
		}
	}

	@Override
	public ObjectMetadata head(String key) {
		ObjectKeys.requireSafe(key);
		try {
			HeadObjectResponse response = s3.headObject(r -> r.bucket(bucket).key(key));
			return new ObjectMetadata(response.contentLength(), response.contentType(), response.eTag(), response.lastModified(),
					response.metadata());
		}
		catch (SdkException failed) {
			throw S3Failures.translate(label, key, "read", failed);
		}
	}

	@Override
	public PutResult put(String key, InputStream content, long length, PutOptions options) {
		ObjectKeys.requireSafe(key);
		Parts parts = new Parts(content, partSize, length);
		byte[] first;
		try {
			first = parts.next();
			if (parts.ended()) {
				return putWhole(key, first, options);
			}
		}
		catch (IOException failed) {
			throw new StorageException.Failed(label, "write '" + key + "': " + failed.getMessage(), failed);
		}
		return putInParts(key, first, parts, options);
	}

	private PutResult putWhole(String key, byte[] content, PutOptions options) {
		try {
			String etag = s3.putObject(r -> {
				r.bucket(bucket).key(key).contentType(options.contentType()).metadata(options.userMetadata());
				switch (options.condition()) {
					case IF_NONE_MATCH -> r.ifNoneMatch("*");
					case IF_MATCH -> r.ifMatch(options.expectedEtag());
					case NONE -> { }
				}
			}, RequestBody.fromBytes(content)).eTag();
			return new PutResult(key, content.length, etag);
		}
		catch (SdkException failed) {
			StorageException translated = S3Failures.translate(label, key, "write", failed);
			if (translated instanceof StorageException.PreconditionFailed && retried(failed)) {
				// An earlier attempt may have written the object and lost its answer: then the condition fails on
				// our own write. The object holding exactly our bytes (S3's etag of a single-part upload is their
				// MD5) says so.
				String ours = md5Etag(content);
				if (ours.equals(head(key).etag())) {
					return new PutResult(key, content.length, ours);
				}
			}
			throw translated;
		}
	}

	private static boolean retried(SdkException failed) {
		return failed.numAttempts() != null && failed.numAttempts() > 1;
	}

	private static String md5Etag(byte[] content) {
		try {
			return "\"" + java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("MD5").digest(content)) + "\"";
		}
		catch (java.security.NoSuchAlgorithmException impossible) {
			throw new IllegalStateException(impossible);
		}
	}

	/** A multipart upload, aborted on any failure so that no parts are left to be billed. */
	private PutResult putInParts(String key, byte[] first, Parts parts, PutOptions options) {
		String uploadId;
		try {
			uploadId = s3.createMultipartUpload(r -> r.bucket(bucket).key(key).contentType(options.contentType())
				.metadata(options.userMetadata())).uploadId();
		}
		catch (SdkException failed) {
			throw S3Failures.translate(label, key, "write", failed);
		}
		try {
			List<CompletedPart> completed = new ArrayList<>();
			byte[] part = first;
			while (true) {
				int number = completed.size() + 1;
				String etag = s3.uploadPart(r -> r.bucket(bucket).key(key).uploadId(uploadId).partNumber(number),
						RequestBody.fromBytes(part)).eTag();
				completed.add(CompletedPart.builder().partNumber(number).eTag(etag).build());
				if (parts.ended()) {
					break;
				}
				part = parts.next();
			}
			String etag = s3.completeMultipartUpload(r -> {
				r.bucket(bucket).key(key).uploadId(uploadId).multipartUpload(u -> u.parts(completed));
				switch (options.condition()) {
					case IF_NONE_MATCH -> r.ifNoneMatch("*");
					case IF_MATCH -> r.ifMatch(options.expectedEtag());
					case NONE -> { }
				}
			}).eTag();
			return new PutResult(key, parts.bytesRead(), etag);
		}
		catch (IOException failed) {
			abort(key, uploadId);
			throw new StorageException.Failed(label, "write '" + key + "': " + failed.getMessage(), failed);
		}
		catch (SdkException failed) {
			abort(key, uploadId);
			throw S3Failures.translate(label, key, "write", failed);
		}
	}

	private void abort(String key, String uploadId) {
		try {
			s3.abortMultipartUpload(r -> r.bucket(bucket).key(key).uploadId(uploadId));
		}
		catch (SdkException ignored) {
			// The bucket's lifecycle rule for incomplete uploads is the backstop (see README.md).
		}
	}

	@Override
	public void delete(String key) {
		ObjectKeys.requireSafe(key);
		try {
			s3.deleteObject(r -> r.bucket(bucket).key(key));
		}
		catch (SdkException failed) {
			throw S3Failures.translate(label, key, "delete", failed);
		}
	}

	@Override
	public ObjectListing list(String prefix, int pageSize, String continuationToken) {
		String checkedPrefix = ObjectKeys.requireSafePrefix(prefix);
		if (pageSize < 1 || pageSize > ObjectListing.MAX_PAGE_SIZE) {
			throw new IllegalArgumentException("A page holds 1 to " + ObjectListing.MAX_PAGE_SIZE + " objects, not " + pageSize);
		}
		try {
			ListObjectsV2Response response = s3.listObjectsV2(r -> r.bucket(bucket).prefix(checkedPrefix).maxKeys(pageSize)
				.continuationToken(continuationToken));
			List<ObjectSummary> objects = new ArrayList<>(response.contents().size());
			for (S3Object object : response.contents()) {
				objects.add(new ObjectSummary(object.key(), object.size(), object.eTag(), object.lastModified()));
			}
			return new ObjectListing(objects, Boolean.TRUE.equals(response.isTruncated()) ? response.nextContinuationToken() : null);
		}
		catch (SdkException failed) {
			throw S3Failures.translate(label, checkedPrefix, "list", failed);
		}
	}

	@Override
	public PutResult copy(String sourceKey, String targetKey) {
		ObjectKeys.requireSafe(sourceKey);
		ObjectKeys.requireSafe(targetKey);
		// Measured first, then copied only if unchanged since: the answer's size is the copied object's.
		ObjectMetadata source = head(sourceKey);
		try {
			CopyObjectResponse response = s3.copyObject(r -> r.sourceBucket(bucket).sourceKey(sourceKey)
				.destinationBucket(bucket).destinationKey(targetKey).copySourceIfMatch(source.etag()));
			return new PutResult(targetKey, source.size(), response.copyObjectResult().eTag());
		}
		catch (SdkException failed) {
			throw S3Failures.translate(label, sourceKey, "copy", failed);
		}
	}
}
