package dev.polyfn.core.storage;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;

/** An object being read: its metadata and its content as a stream, which holds a connection or a file until closed. */
public final class ObjectContent implements Closeable {

	private final String storage;
	private final String key;
	private final ObjectMetadata metadata;
	private final InputStream stream;

	/** @param storage the alias (or bucket) that messages name; @param key the object's key */
	public ObjectContent(String storage, String key, ObjectMetadata metadata, InputStream stream) {
		this.storage = storage;
		this.key = key;
		this.metadata = metadata;
		this.stream = stream;
	}

	public String key() {
		return key;
	}

	public ObjectMetadata metadata() {
		return metadata;
	}

	public InputStream stream() {
		return stream;
	}

	/**
	 * The whole content, refused before reading when the object is larger than {@code maxBytes}: an object in a
	 * bucket can be as large as the bucket allows, the heap cannot. A stream longer than its declared size is cut
	 * off at the limit all the same.
	 */
	public byte[] readAllBytes(int maxBytes) {
		if (metadata.size() > maxBytes) {
			throw new StorageException.TooLarge(metadata.size(), maxBytes);
		}
		try {
			byte[] content = stream.readNBytes(maxBytes);
			if (content.length == maxBytes && stream.read() != -1) {
				throw new StorageException.TooLarge(maxBytes + 1L, maxBytes);
			}
			return content;
		}
		catch (IOException failed) {
			throw new StorageException.Failed(storage, "read " + StorageException.quoted(key), failed);
		}
	}

	@Override
	public void close() {
		try {
			stream.close();
		}
		catch (IOException ignored) {
			// Nothing was being written: a failed close loses nothing.
		}
	}
}
