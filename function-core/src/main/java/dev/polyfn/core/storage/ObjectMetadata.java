package dev.polyfn.core.storage;

import java.time.Instant;
import java.util.Map;

/**
 * What a bucket knows of an object. {@code etag} is the bucket's own tag, quotes included as the cloud sends it;
 * it changes when the content does and is what {@link PutOptions#ifMatch(String)} compares with.
 * {@code userMetadata} keys are lower case, as every cloud gives them back.
 */
public record ObjectMetadata(long size, String contentType, String etag, Instant lastModified,
		Map<String, String> userMetadata) {

	public ObjectMetadata {
		userMetadata = userMetadata == null ? Map.of() : Map.copyOf(userMetadata);
	}
}
