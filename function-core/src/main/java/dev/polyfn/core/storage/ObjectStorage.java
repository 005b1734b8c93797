package dev.polyfn.core.storage;

import java.io.InputStream;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * One bucket (or container) of objects, the same on every cloud. Get one from {@link StorageBuckets#bucket(String)}
 * by its alias; the alias's settings say which bucket and which implementation. Keys are checked by
 * {@link ObjectKeys} before any call leaves the process. Failures are {@link StorageException}s, which a function
 * may let through: they answer in polyfn's error contract (404, 409, 500, 503).
 */
public interface ObjectStorage {

	/** Unknown length, for {@link #put(String, InputStream, long, PutOptions)}. */
	long UNKNOWN_LENGTH = -1;

	/** The real bucket name this storage is bound to. */
	String bucket();

	/** The object's content and metadata; the caller closes it. {@link StorageException.NotFound} when there is none. */
	ObjectContent get(String key);

	/** The object's metadata without its content. {@link StorageException.NotFound} when there is none. */
	ObjectMetadata head(String key);

	default boolean exists(String key) {
		try {
			head(key);
			return true;
		}
		catch (StorageException.NotFound missing) {
			return false;
		}
	}

	default PutResult put(String key, byte[] content, PutOptions options) {
		return put(key, new java.io.ByteArrayInputStream(content), content.length, options);
	}

	/**
	 * Writes the stream as the object, replacing any object under the key (unless the options say
	 * {@link PutOptions#ifNoneMatch()}). {@code length} is the exact number of bytes, or {@link #UNKNOWN_LENGTH}.
	 * The stream is read, not closed.
	 */
	PutResult put(String key, InputStream content, long length, PutOptions options);

	/** Removes the object; removing an object that is not there is no failure (as on every cloud). */
	void delete(String key);

	/**
	 * One page of the objects whose keys start with {@code prefix} (empty for all), in key order.
	 * {@code continuationToken} is null for the first page, else the previous page's
	 * {@link ObjectListing#nextContinuationToken()}; {@code pageSize} is at most 1000.
	 */
	ObjectListing list(String prefix, int pageSize, String continuationToken);

	/** Every object under the prefix, fetched a page at a time as the stream is read. */
	default Stream<ObjectSummary> listAll(String prefix) {
		Iterator<ObjectSummary> objects = new Iterator<>() {
			private ObjectListing page = list(prefix, ObjectListing.MAX_PAGE_SIZE, null);
			private int next;

			@Override
			public boolean hasNext() {
				while (next == page.objects().size() && page.hasMore()) {
					page = list(prefix, ObjectListing.MAX_PAGE_SIZE, page.nextContinuationToken());
					next = 0;
				}
				return next < page.objects().size();
			}

			@Override
			public ObjectSummary next() {
				if (!hasNext()) {
					throw new NoSuchElementException();
				}
				return page.objects().get(next++);
			}
		};
		return StreamSupport.stream(Spliterators.spliteratorUnknownSize(objects, Spliterator.ORDERED | Spliterator.NONNULL), false);
	}

	/** Copies an object of this bucket to another key of it, content type and metadata included. */
	PutResult copy(String sourceKey, String targetKey);
}
