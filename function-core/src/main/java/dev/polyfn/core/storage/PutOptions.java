package dev.polyfn.core.storage;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * How an object is written: its content type, its user metadata, and at most one condition. Immutable; each
 * method answers a copy. {@code PutOptions.contentType("image/png").metadata("source", key).ifNoneMatch()}.
 *
 * <p>User metadata is held to what every cloud keeps as given: keys of lower-case ASCII letters and digits
 * starting with a letter (Azure's names are C# identifiers, so no '-'; S3, OSS and COS send them as
 * {@code x-*-meta-} headers and give them back lower-cased, and proxies drop headers with '_'), values of
 * printable ASCII (they travel as HTTP header values), 2 KB in all (S3's limit for user metadata).
 */
public record PutOptions(String contentType, Map<String, String> userMetadata, Condition condition, String expectedEtag) {

	public static final String DEFAULT_CONTENT_TYPE = "application/octet-stream";

	public static final int MAX_METADATA_BYTES = 2048;

	private static final Pattern METADATA_KEY = Pattern.compile("[a-z][a-z0-9]{0,127}");

	// type/subtype with optional parameters; what an HTTP header can carry, no line breaks.
	private static final Pattern CONTENT_TYPE = Pattern.compile("[\\w.+-]+/[\\w.+-]+(\\s*;\\s*[\\w.+-]+=(\"[ -~&&[^\"]]*\"|[\\w.+-]+))*");

	/** What must be true of the object under the key for the write to happen. */
	public enum Condition {
		/** Write whatever is there. */
		NONE,
		/** Write only if no object has the key (create, never replace). */
		IF_NONE_MATCH,
		/** Write only if the object's etag is {@link PutOptions#expectedEtag()} (replace what was read, nothing newer). */
		IF_MATCH
	}

	public PutOptions {
		contentType = contentType == null ? DEFAULT_CONTENT_TYPE : contentType.trim();
		if (!CONTENT_TYPE.matcher(contentType).matches()) {
			throw new IllegalArgumentException("Not a content type: " + dev.polyfn.core.invoke.CallerText.excerpt(contentType, 100));
		}
		userMetadata = checkedMetadata(userMetadata == null ? Map.of() : userMetadata);
		condition = condition == null ? Condition.NONE : condition;
		if ((condition == Condition.IF_MATCH) != (expectedEtag != null)) {
			throw new IllegalArgumentException("An etag goes with IF_MATCH, and only with it");
		}
	}

	public static PutOptions defaults() {
		return new PutOptions(null, Map.of(), Condition.NONE, null);
	}

	public static PutOptions contentType(String contentType) {
		return defaults().withContentType(contentType);
	}

	public PutOptions withContentType(String type) {
		return new PutOptions(type, userMetadata, condition, expectedEtag);
	}

	/** One more user metadata entry (see the class comment for what keys and values may be). */
	public PutOptions metadata(String key, String value) {
		Map<String, String> more = new LinkedHashMap<>(userMetadata);
		more.put(key, value);
		return new PutOptions(contentType, more, condition, expectedEtag);
	}

	public PutOptions withMetadata(Map<String, String> metadata) {
		return new PutOptions(contentType, metadata, condition, expectedEtag);
	}

	/** Create only: {@link StorageException.PreconditionFailed} when an object has the key already. */
	public PutOptions ifNoneMatch() {
		return new PutOptions(contentType, userMetadata, Condition.IF_NONE_MATCH, null);
	}

	/** Replace only the object with this etag: {@link StorageException.PreconditionFailed} if it changed or is gone. */
	public PutOptions ifMatch(String etag) {
		if (etag == null || etag.isBlank()) {
			throw new IllegalArgumentException("ifMatch needs the etag the object had");
		}
		return new PutOptions(contentType, userMetadata, Condition.IF_MATCH, etag);
	}

	private static Map<String, String> checkedMetadata(Map<String, String> metadata) {
		int bytes = 0;
		for (Map.Entry<String, String> entry : metadata.entrySet()) {
			String key = entry.getKey();
			String value = entry.getValue();
			if (key == null || !METADATA_KEY.matcher(key).matches()) {
				throw new IllegalArgumentException("A user metadata key is lower-case ASCII letters and digits, starting with a letter: "
						+ dev.polyfn.core.invoke.CallerText.excerpt(key, 100));
			}
			if (value == null || !value.chars().allMatch(c -> c >= 0x20 && c < 0x7F) || !value.strip().equals(value)) {
				// Header values lose leading and trailing spaces on the way, so such a value would not come back as written.
				throw new IllegalArgumentException("The value of user metadata '" + key
						+ "' is not printable ASCII without leading or trailing spaces");
			}
			bytes += key.length() + value.getBytes(StandardCharsets.US_ASCII).length;
		}
		if (bytes > MAX_METADATA_BYTES) {
			throw new IllegalArgumentException("User metadata holds " + bytes + " bytes; the limit is " + MAX_METADATA_BYTES);
		}
		return Map.copyOf(metadata);
	}
}
