package dev.polyfn.storage.azure;

import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.azure.core.http.rest.PagedResponse;
import com.azure.core.util.Context;
import com.azure.storage.blob.BlobClient;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.models.BlobHttpHeaders;
import com.azure.storage.blob.models.BlobItem;
import com.azure.storage.blob.models.BlobProperties;
import com.azure.storage.blob.models.BlobRequestConditions;
import com.azure.storage.blob.models.BlockBlobItem;
import com.azure.storage.blob.models.ListBlobsOptions;
import com.azure.storage.blob.options.BlobParallelUploadOptions;
import com.azure.storage.blob.specialized.BlobInputStream;

import dev.polyfn.core.storage.ObjectContent;
import dev.polyfn.core.storage.ObjectKeys;
import dev.polyfn.core.storage.ObjectListing;
import dev.polyfn.core.storage.ObjectMetadata;
import dev.polyfn.core.storage.ObjectStorage;
import dev.polyfn.core.storage.ObjectSummary;
import dev.polyfn.core.storage.PutOptions;
import dev.polyfn.core.storage.PutResult;

/** One container of a Blob Storage account as polyfn's {@link ObjectStorage}: block blobs, one per key. */
final class AzureBlobObjectStorage implements ObjectStorage {

	/** A copy within the account is the service's, usually done at once; a function does not wait longer. */
	static final Duration COPY_LIMIT = Duration.ofSeconds(30);

	private final BlobContainerClient container;
	private final String label;

	AzureBlobObjectStorage(BlobContainerClient container, String label) {
		this.container = container;
		this.label = label;
	}

	@Override
	public String bucket() {
		return container.getBlobContainerName();
	}

	@Override
	public ObjectContent get(String key) {
		ObjectKeys.requireSafe(key);
		try {
			// The stream reads the blob in chunks as it is read, at the version its first request saw (its etag).
			BlobInputStream stream = blob(key).openInputStream();
			return new ObjectContent(label, key, metadata(stream.getProperties()), stream);
		}
		catch (RuntimeException failed) {
			throw AzureBlobFailures.translate(label, key, "read", failed);
		}
	}

	@Override
	public ObjectMetadata head(String key) {
		ObjectKeys.requireSafe(key);
		try {
			return metadata(blob(key).getProperties());
		}
		catch (RuntimeException failed) {
			throw AzureBlobFailures.translate(label, key, "read", failed);
		}
	}

	@Override
	public PutResult put(String key, InputStream content, long length, PutOptions options) {
		ObjectKeys.requireSafe(key);
		CountingInputStream counted = new CountingInputStream(content, length);
		BlobParallelUploadOptions upload = new BlobParallelUploadOptions(counted)
			.setHeaders(new BlobHttpHeaders().setContentType(options.contentType()))
			.setMetadata(options.userMetadata().isEmpty() ? null : options.userMetadata())
			.setRequestConditions(conditions(options));
		try {
			BlockBlobItem written = blob(key).uploadWithResponse(upload, null, Context.NONE).getValue();
			return new PutResult(key, counted.count(), written.getETag());
		}
		catch (RuntimeException failed) {
			throw AzureBlobFailures.translate(label, key, "write", failed);
		}
	}

	private static BlobRequestConditions conditions(PutOptions options) {
		return switch (options.condition()) {
			case IF_NONE_MATCH -> new BlobRequestConditions().setIfNoneMatch("*");
			case IF_MATCH -> new BlobRequestConditions().setIfMatch(options.expectedEtag());
			case NONE -> null;
		};
	}

	@Override
	public void delete(String key) {
		ObjectKeys.requireSafe(key);
		try {
			blob(key).deleteIfExists();
		}
		catch (RuntimeException failed) {
			throw AzureBlobFailures.translate(label, key, "delete", failed);
		}
	}

	@Override
	public ObjectListing list(String prefix, int pageSize, String continuationToken) {
		String checkedPrefix = prefix == null || prefix.isEmpty() ? null : ObjectKeys.requireSafePrefix(prefix);
		ObjectListing.checkedPageSize(pageSize);
		try {
			Iterator<PagedResponse<BlobItem>> pages = container
				.listBlobs(new ListBlobsOptions().setPrefix(checkedPrefix).setMaxResultsPerPage(pageSize), continuationToken, null)
				.iterableByPage(continuationToken, pageSize).iterator();
			if (!pages.hasNext()) {
				return new ObjectListing(List.of(), null);
			}
			PagedResponse<BlobItem> page = pages.next();
			List<ObjectSummary> objects = new ArrayList<>();
			for (BlobItem item : page.getValue()) {
				objects.add(new ObjectSummary(item.getName(), item.getProperties().getContentLength(), item.getProperties().getETag(),
						item.getProperties().getLastModified().toInstant()));
			}
			String next = page.getContinuationToken();
			return new ObjectListing(objects, next == null || next.isEmpty() ? null : next);
		}
		catch (RuntimeException failed) {
			throw AzureBlobFailures.translate(label, null, "list '" + (prefix == null ? "" : prefix) + "'", failed);
		}
	}

	@Override
	public PutResult copy(String sourceKey, String targetKey) {
		ObjectKeys.requireSafe(sourceKey);
		ObjectKeys.requireSafe(targetKey);
		try {
			BlobClient source = blob(sourceKey);
			// Copy Blob within one account is authorised by the destination's credentials and keeps content type
			// and metadata; the service usually completes it before answering.
			blob(targetKey).beginCopy(source.getBlobUrl(), Duration.ofMillis(200)).waitForCompletion(COPY_LIMIT);
			BlobProperties copied = blob(targetKey).getProperties();
			return new PutResult(targetKey, copied.getBlobSize(), copied.getETag());
		}
		catch (RuntimeException failed) {
			throw AzureBlobFailures.translate(label, sourceKey, "copy", failed);
		}
	}

	private BlobClient blob(String key) {
		return container.getBlobClient(key);
	}

	private static ObjectMetadata metadata(BlobProperties properties) {
		Map<String, String> metadata = properties.getMetadata();
		return new ObjectMetadata(properties.getBlobSize(), properties.getContentType(), properties.getETag(),
				properties.getLastModified() == null ? null : properties.getLastModified().toInstant(), metadata);
	}

	/**
	 * The bytes an upload read, for the result (the service's answer does not say), and a stream that ends before or
	 * runs past the length the caller declared fails the upload before the SDK commits anything.
	 */
	private static final class CountingInputStream extends java.io.FilterInputStream {

		private final long expected;
		private long count;

		CountingInputStream(InputStream in, long expected) {
			super(in);
			this.expected = expected;
		}

		long count() {
			return count;
		}

		@Override
		public int read() throws java.io.IOException {
			int b = super.read();
			return checked(b < 0 ? -1 : 1) < 0 ? -1 : b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws java.io.IOException {
			return checked(super.read(buffer, offset, length));
		}

		private int checked(int read) throws java.io.IOException {
			if (read > 0) {
				count += read;
			}
			if (expected != ObjectStorage.UNKNOWN_LENGTH && (count > expected || (read < 0 && count < expected))) {
				throw new java.io.IOException("The stream had " + (read < 0 ? count + " bytes" : "more than " + expected
						+ " bytes") + ", not the " + expected + " declared");
			}
			return read;
		}

		@Override
		public void close() {
			// The caller's stream: read, not closed (ObjectStorage#put).
		}
	}

}
